using System.Net;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Attachments;
using Vigil.Server.Tests.Features.Indicators;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Incidents;

public sealed class IncidentLabelOnSqliteTests(VigilFactory factory) : IncidentLabelTests<VigilFactory>(factory);

public sealed class IncidentLabelOnPostgresTests(PostgresVigilFactory factory) : IncidentLabelTests<PostgresVigilFactory>(factory);

/// <summary>
/// TLP on an incident's parts: each submission keeps the label the incident had when it was made, and a report may
/// label single fields narrower than the incident (<c>field_tlp</c>); whoever may not read a part sees it withheld.
/// </summary>
public abstract class IncidentLabelTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    [Fact]
    public async Task What_was_said_under_a_narrower_label_stays_withheld_after_the_incident_is_widened()
    {
        var owner = await factory.CreateActorAsync(Roles.Reporter);
        var community = await factory.CreateActorAsync(Roles.Reporter);
        var id = await owner.Client.FileAsync(Api.Report("Widened later", "\"tlp\": \"AMBER\"")
            .Replace("Crafted RTCP packets in calls", "Victims were NAMED-VICTIMS-LIST; crafted packets", StringComparison.Ordinal));
        var widened = await owner.Client.PostJsonAsync($"/api/v1/incidents/{id}/updates",
            """{"narrative": "Shared with the community.", "tlp": "GREEN", "description": "Crafted packets in calls led to code execution; victims are not named here."}""");
        Assert.True(widened.StatusCode == HttpStatusCode.Created, await widened.Content.ReadAsStringAsync());

        // The incident now reads as GREEN, with the new text; what was filed under AMBER is not reachable from it.
        Assert.Contains("not named here", await community.Client.GetStringAsync($"/api/v1/incidents/{id}"), StringComparison.Ordinal);
        var history = await community.Client.GetNodeAsync($"/api/v1/incidents/{id}/history");
        Assert.DoesNotContain("NAMED-VICTIMS-LIST", history.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("TLP:AMBER", history["submissions"]![0]!["content"]!["withheld"]!.GetValue<string>());
        var change = history["submissions"]![1]!["changes"]!.AsArray().Single(c => c!["field"]!.GetValue<string>() == "description")!;
        Assert.Equal("TLP:AMBER", change["old"]!["withheld"]!.GetValue<string>());
        Assert.DoesNotContain("NAMED-VICTIMS-LIST", await community.Client.GetStringAsync($"/api/v1/incidents/{id}/submissions/1"), StringComparison.Ordinal);
        // Its own organisation still reads its whole record.
        Assert.Contains("NAMED-VICTIMS-LIST", await owner.Client.GetStringAsync($"/api/v1/incidents/{id}/history"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_field_labelled_narrower_than_its_incident_is_withheld_from_readers_below_it()
    {
        var owner = await factory.CreateActorAsync(Roles.Reporter);
        var community = await factory.CreateActorAsync(Roles.Reporter);
        var oversight = await factory.CreateActorAsync(Roles.Oversight);
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var file = await owner.Client.UploadAsync(AttachmentApi.Sample("FIELD-LABELLED-FILE"));
        var id = await owner.Client.FileAsync(CollectionApi.ReportWithIndicators("GREEN").Replace("\"tlp\": \"GREEN\",", $$"""
            "tlp": "GREEN",
            "point_of_contact": {"name": "CONTACT-PERSON", "email": "contact@messaging.example"},
            "attachments": [{"sha256": "{{file}}"}],
            "field_tlp": {"point_of_contact": "AMBER", "indicators": "AMBER+STRICT", "attachments": "AMBER"},
            """, StringComparison.Ordinal));

        foreach (var reader in new[] { community, oversight })
        {
            var seen = await reader.Client.GetNodeAsync($"/api/v1/incidents/{id}");
            Assert.Equal("TLP:AMBER", seen["fields"]!["point_of_contact"]!["withheld"]!.GetValue<string>());
            Assert.Equal("TLP:AMBER+STRICT", seen["fields"]!["indicators"]!["withheld"]!.GetValue<string>());
            var everything = seen.ToJsonString() + await reader.Client.GetStringAsync($"/api/v1/incidents/{id}/history");
            Assert.DoesNotContain("CONTACT-PERSON", everything, StringComparison.Ordinal);
            Assert.DoesNotContain("wha.tsapp.me", everything, StringComparison.Ordinal);
            Assert.Empty((await reader.Client.GetNodeAsync($"/api/v1/incidents/{id}/attachments"))["items"]!.AsArray());
            Assert.Equal(HttpStatusCode.NotFound, (await reader.Client.GetAsync($"/api/v1/incidents/{id}/attachments/{file}")).StatusCode);
        }
        // The CERT reads AMBER+STRICT: everything, including the file.
        var full = await analyst.Client.GetStringAsync($"/api/v1/incidents/{id}");
        Assert.Contains("CONTACT-PERSON", full, StringComparison.Ordinal);
        Assert.Contains("wha.tsapp.me", full, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await analyst.Client.GetAsync($"/api/v1/incidents/{id}/attachments/{file}")).StatusCode);

        // Indicators go with their own label: not into a GREEN collection, whose readers may not read them.
        var collection = await analyst.Client.CreateCollectionAsync("GREEN");
        var refused = await analyst.Client.PostJsonAsync($"{CollectionApi.Root}/{collection}/incident-indicators", $$"""{"incident_id": "{{id}}"}""");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
    }

    [Fact]
    public async Task A_field_label_may_only_narrow_and_names_a_field_that_takes_one()
    {
        var owner = await factory.CreateActorAsync(Roles.Reporter);
        var refused = await owner.Client.PostJsonAsync("/api/v1/incidents", Api.Report(extra: """
            "tlp": "AMBER", "field_tlp": {"title": "RED", "symptoms": "PURPLE"}
            """));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(["/field_tlp/symptoms", "/field_tlp/title"], (await refused.ProblemPointersAsync()).Order());
        var wider = await owner.Client.PostJsonAsync("/api/v1/incidents", Api.Report(extra: """
            "tlp": "AMBER", "field_tlp": {"description": "GREEN"}
            """));
        Assert.Equal(["/field_tlp/description"], await wider.ProblemPointersAsync());
    }

    [Fact]
    public async Task An_update_relabels_the_fields_it_names_and_a_null_takes_a_label_off()
    {
        var owner = await factory.CreateActorAsync(Roles.Reporter);
        var community = await factory.CreateActorAsync(Roles.Reporter);
        var id = await owner.Client.FileAsync(Api.Report(extra: """
            "tlp": "GREEN", "symptoms": "SYMPTOM-TEXT", "actions_taken": "ACTIONS-TEXT", "field_tlp": {"symptoms": "RED", "actions_taken": "AMBER"}
            """));
        var relabelled = await owner.Client.PostJsonAsync($"/api/v1/incidents/{id}/updates", """{"narrative": "Actions may be shared.", "field_tlp": {"actions_taken": null}}""");
        Assert.Equal(HttpStatusCode.Created, relabelled.StatusCode);

        var seen = await community.Client.GetNodeAsync($"/api/v1/incidents/{id}");
        Assert.Equal("ACTIONS-TEXT", seen["fields"]!["actions_taken"]!.GetValue<string>());
        Assert.Equal("TLP:RED", seen["fields"]!["symptoms"]!["withheld"]!.GetValue<string>());
        // What was said under AMBER stays AMBER in the history, though the field is GREEN now.
        Assert.DoesNotContain("ACTIONS-TEXT", (await community.Client.GetNodeAsync($"/api/v1/incidents/{id}/history"))["submissions"]![0]!.ToJsonString(), StringComparison.Ordinal);
    }
}
