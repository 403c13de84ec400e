using System.Text.Json;
using Vigil.Indicators.Stix;

namespace Vigil.Indicators.Tests.Stix;

/// <summary>
/// Which TLP an object carries (issue 11, "STIX import drops markings"): the import must read it before it can keep
/// it, from the fixed TLP 2.0 and TLP 1.0 definitions and from definitions the bundle holds.
/// </summary>
public class StixTlpMarkingsTests
{
    private const string Tlp2Red = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";
    private const string Tlp2Green = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
    private const string Tlp1Amber = "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82";
    private const string Tlp1White = "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9";

    [Fact]
    public void The_TLP_1_definitions_are_those_the_OASIS_schema_fixes()
    {
        // The STIX 2.1 schema pins each TLP 1.0 definition's id and its "tlp" value: read them from the spec's own file.
        using var schema = JsonDocument.Parse(File.ReadAllText(SharedData.Path("stix", "schemas", "common", "marking-definition.json")));
        var definitions = schema.RootElement.GetProperty("definitions");
        var expected = new Dictionary<string, TlpLevel>
        {
            ["tlp_white"] = TlpLevel.Clear, ["tlp_green"] = TlpLevel.Green, ["tlp_amber"] = TlpLevel.Amber, ["tlp_red"] = TlpLevel.Red,
        };
        foreach (var (name, level) in expected)
        {
            var id = definitions.GetProperty(name).GetProperty("properties").GetProperty("id").GetProperty("enum")[0].GetString()!;
            Assert.Equal(level, StixTlpMarkings.WellKnownLevel(id));
        }
    }

    [Fact]
    public void Every_TLP_2_definition_stands_for_its_level()
    {
        foreach (var level in Enum.GetValues<TlpLevel>())
        {
            Assert.Equal(level, StixTlpMarkings.WellKnownLevel(StixMarkingDefinition.ForTlp(level).Id));
        }
        Assert.Null(StixTlpMarkings.WellKnownLevel("marking-definition--00000000-0000-4000-8000-000000000000"));
    }

    [Theory]
    [InlineData(new[] { Tlp2Green }, TlpLevel.Green)]
    [InlineData(new[] { Tlp2Green, Tlp2Red }, TlpLevel.Red)]
    [InlineData(new[] { Tlp1White, Tlp1Amber }, TlpLevel.Amber)]
    [InlineData(new[] { Tlp1White }, TlpLevel.Clear)]
    public void An_object_carries_the_most_restrictive_of_its_markings(string[] markings, TlpLevel expected)
    {
        var bundle = Bundle($$"""{{Indicator("a", markings)}}""");
        Assert.Equal(expected, StixTlpMarkings.Of(bundle.Objects).MostRestrictive(bundle.Objects[0]));
    }

    [Fact]
    public void An_unmarked_object_or_one_marked_only_by_a_statement_carries_no_TLP()
    {
        var bundle = Bundle($$"""
            {{Indicator("a", [])}},
            {{Indicator("b", ["marking-definition--11111111-1111-4111-8111-111111111111"])}},
            {"type": "marking-definition", "spec_version": "2.1", "id": "marking-definition--11111111-1111-4111-8111-111111111111",
             "created": "2019-05-13T00:00:00.000Z", "definition_type": "statement", "definition": {"statement": "Copyright"} }
            """);
        var markings = StixTlpMarkings.Of(bundle.Objects);
        Assert.Null(markings.MostRestrictive(bundle.Objects[0]));
        Assert.Null(markings.MostRestrictive(bundle.Objects[1]));
    }

    [Theory]
    [InlineData("\"definition_type\": \"tlp\", \"definition\": {\"tlp\": \"red\"}", TlpLevel.Red)]
    [InlineData("\"definition_type\": \"TLP\", \"definition\": {\"TLP\": \"TLP:AMBER+STRICT\"}", TlpLevel.AmberStrict)]
    [InlineData("\"definition_type\": \"tlp\", \"definition\": {\"tlp\": \"white\"}", TlpLevel.Clear)]
    [InlineData("\"extensions\": {\"extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d\": {\"extension_type\": \"property-extension\", \"tlp_2_0\": \"amber\"}}", TlpLevel.Amber)]
    [InlineData("\"extensions\": {\"extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d\": {\"extension_type\": \"property-extension\", \"tlp_2_0\": \"RED\"}}", TlpLevel.Red)]
    public void A_definition_in_the_bundle_that_says_its_TLP_counts(string says, TlpLevel expected)
    {
        const string Own = "marking-definition--22222222-2222-4222-8222-222222222222";
        var bundle = Bundle($$"""
            {{Indicator("a", [Own])}},
            {"type": "marking-definition", "spec_version": "2.1", "id": "{{Own}}", "created": "2019-05-13T00:00:00.000Z", {{says}} }
            """);
        Assert.Equal(expected, StixTlpMarkings.Of(bundle.Objects).MostRestrictive(bundle.Objects[0]));
    }

    [Fact]
    public void A_bundle_cannot_redefine_a_fixed_definition_as_wider()
    {
        var bundle = Bundle($$"""
            {{Indicator("a", [Tlp2Red])}},
            {"type": "marking-definition", "spec_version": "2.1", "id": "{{Tlp2Red}}", "created": "2022-10-01T00:00:00.000Z",
             "definition_type": "tlp", "definition": {"tlp": "clear"} }
            """);
        Assert.Equal(TlpLevel.Red, StixTlpMarkings.Of(bundle.Objects).MostRestrictive(bundle.Objects[0]));
    }

    [Fact]
    public void A_property_marked_red_makes_the_object_red_and_the_marking_survives_a_round_trip()
    {
        var bundle = Bundle($$"""
            {"type": "indicator", "spec_version": "2.1", "id": "indicator--33333333-3333-4333-8333-333333333333",
             "created": "2019-05-13T00:00:00.000Z", "modified": "2019-05-13T00:00:00.000Z", "valid_from": "2019-05-13T00:00:00.000Z",
             "pattern_type": "stix", "pattern": "[domain-name:value = 'x.example']", "object_marking_refs": ["{{Tlp2Green}}"],
             "granular_markings": [{"marking_ref": "{{Tlp2Red}}", "selectors": ["description"]}], "description": "who was hit"}
            """);
        Assert.Equal(TlpLevel.Red, StixTlpMarkings.Standard.MostRestrictive(bundle.Objects[0]));

        var again = StixBundleReader.Parse(StixBundleWriter.ToJson(bundle));
        var marking = Assert.Single(again.Objects[0].GranularMarkings);
        Assert.Equal(Tlp2Red, marking.MarkingRef);
        Assert.Equal(["description"], marking.Selectors);
    }

    private static StixBundle Bundle(string objects) =>
        StixBundleReader.Parse($$"""{"type": "bundle", "id": "bundle--44444444-4444-4444-8444-444444444444", "objects": [{{objects}}]}""");

    private static string Indicator(string name, string[] markings) => $$"""
        {"type": "indicator", "spec_version": "2.1", "id": "indicator--{{Guid.NewGuid():D}}", "name": "{{name}}",
         "created": "2019-05-13T00:00:00.000Z", "modified": "2019-05-13T00:00:00.000Z", "valid_from": "2019-05-13T00:00:00.000Z",
         "pattern_type": "stix", "pattern": "[domain-name:value = '{{name}}.example']"
         {{(markings.Length == 0 ? "" : ", \"object_marking_refs\": [" + string.Join(", ", markings.Select(m => $"\"{m}\"")) + "]")}} }
        """;
}
