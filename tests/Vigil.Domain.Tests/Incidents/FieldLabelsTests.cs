using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Domain.Incidents;
using Vigil.Domain.Validation;

namespace Vigil.Domain.Tests.Incidents;

public sealed class FieldLabelsTests
{
    private static JsonObject View(string json) => JsonNode.Parse(json)!.AsObject();

    [Theory]
    [InlineData("GREEN", null, "GREEN")]
    [InlineData("GREEN", "RED", "RED")]
    [InlineData("AMBER", "GREEN", "AMBER")]
    [InlineData("AMBER+STRICT", "AMBER", "AMBER+STRICT")]
    public void A_field_is_read_under_the_narrower_of_its_own_label_and_the_incidents(string incident, string? own, string expected)
    {
        var labels = own is null ? "" : $$""", "field_tlp": {"symptoms": "{{own}}"}""";
        Assert.Equal(expected, FieldLabels.LabelOf(View($$"""{"tlp": "{{incident}}"{{labels}}}"""), "symptoms"));
    }

    [Fact]
    public void A_field_that_takes_no_label_of_its_own_goes_with_the_incident()
    {
        Assert.Equal("GREEN", FieldLabels.LabelOf(View("""{"tlp": "GREEN", "field_tlp": {"title": "RED"}}"""), "title"));
    }

    [Fact]
    public void An_update_replaces_the_labels_it_names_and_a_null_takes_one_off()
    {
        var merged = FieldLabels.Merge(JsonNode.Parse("""{"symptoms": "RED", "indicators": "AMBER"}"""), JsonNode.Parse("""{"indicators": null, "description": "AMBER+STRICT"}"""));
        Assert.Equal(["symptoms", "description"], merged!.Select(p => p.Key));
        Assert.Equal("AMBER+STRICT", merged!["description"]!.GetValue<string>());
        Assert.Null(FieldLabels.Merge(JsonNode.Parse("""{"symptoms": "RED"}"""), JsonNode.Parse("""{"symptoms": null}""")));
    }

    [Fact]
    public void Redacting_withholds_what_the_reader_may_not_read_under_the_narrower_label_then_or_now()
    {
        var then = View("""{"tlp": "GREEN", "field_tlp": {"symptoms": "RED"}}""");
        var now = View("""{"tlp": "GREEN", "field_tlp": {"actions_taken": "AMBER"}}""");
        var said = View("""{"title": "t", "symptoms": "s", "actions_taken": "a", "description": "d"}""");
        var shown = FieldLabels.Redact(said, then, now, label => label is "CLEAR" or "GREEN");
        Assert.Equal("""{"title":"t","symptoms":{"withheld":"TLP:RED"},"actions_taken":{"withheld":"TLP:AMBER"},"description":"d"}""", shown.ToJsonString());
        Assert.Equal(said.ToJsonString(), FieldLabels.Redact(said, then, now, _ => true).ToJsonString());
    }

    [Fact]
    public void Reading_names_every_bad_member()
    {
        var reader = new JsonFieldReader(DateTimeOffset.UnixEpoch);
        using var body = JsonDocument.Parse("""{"title": "RED", "symptoms": "PURPLE", "description": "AMBER", "indicators": null}""");
        FieldLabels.Read(reader, body.RootElement, "/field_tlp");
        Assert.Equal(["/field_tlp/symptoms", "/field_tlp/title"], reader.Errors.Select(e => e.Pointer).Order());
    }
}
