using System.Net;
using System.Text.Json.Nodes;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Affected;
using Vigil.Server.Tests.Features.Indicators;
using Vigil.Server.Tests.Features.Notes;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.NoteExports;

/// <summary>CVE JSON 5 and OSV exports of published notes, each checked against its schema.</summary>
public sealed class NoteExportTests(CnaVigilFactory factory) : IClassFixture<CnaVigilFactory>
{
    public static TheoryData<string> Notes() => ["2019", "rich"];

    [Theory]
    [MemberData(nameof(Notes))]
    public async Task The_CVE_5_container_validates_against_the_CVE_record_schema(string which)
    {
        var (client, id, cve) = await PublishAsync(which);

        var container = (await client.GetNodeAsync($"/api/v1/notes/{id}/cve5"))["cnaContainer"]!;

        Assert.Empty(ExportSchemas.CveContainerProblems(cve, container));
        Assert.Equal(ExportSchemas.TestCnaOrgId, container["providerMetadata"]!["orgId"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Notes))]
    public async Task The_OSV_record_validates_against_the_OSV_schema(string which)
    {
        var (client, id, cve) = await PublishAsync(which);

        var osv = await client.GetNodeAsync($"/api/v1/notes/{id}/osv");

        Assert.Empty(ExportSchemas.OsvProblems(osv));
        Assert.Equal(id, osv["id"]!.GetValue<string>());
        Assert.Equal([cve], osv["aliases"]!.AsArray().Select(a => a!.GetValue<string>()));
    }

    [Fact]
    public async Task The_2019_note_says_which_versions_are_affected_in_both_formats()
    {
        var (client, id, _) = await PublishAsync("2019");

        var android = (await client.GetNodeAsync($"/api/v1/notes/{id}/cve5"))["cnaContainer"]!["affected"]![0]!;
        Assert.Equal(("WhatsApp", "WhatsApp for Android", "unaffected"),
            (android["vendor"]!.GetValue<string>(), android["product"]!.GetValue<string>(), android["defaultStatus"]!.GetValue<string>()));
        Assert.Equal("""[{"version":"0","status":"affected","versionType":"semver","lessThan":"2.19.134"},{"version":"2.19.134","status":"unaffected"}]""",
            android["versions"]!.ToJsonString());

        var osvAndroid = (await client.GetNodeAsync($"/api/v1/notes/{id}/osv"))["affected"]![0]!;
        Assert.Equal("""[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"2.19.134"}]}]""", osvAndroid["ranges"]!.ToJsonString());
        Assert.Equal("vers:semver/<2.19.134", osvAndroid["database_specific"]!["vers"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_broken_container_fails_the_schema_so_the_checks_can_fail()
    {
        var (client, id, cve) = await PublishAsync("2019");
        var container = (await client.GetNodeAsync($"/api/v1/notes/{id}/cve5"))["cnaContainer"]!.AsObject();
        container.Remove("affected");
        var osv = (await client.GetNodeAsync($"/api/v1/notes/{id}/osv")).AsObject();
        osv["affected"]![0]!["ranges"]![0]!["type"] = "RANGE";

        Assert.NotEmpty(ExportSchemas.CveContainerProblems(cve, container));
        Assert.NotEmpty(ExportSchemas.OsvProblems(osv));
    }

    [Fact]
    public async Task Drafts_notes_without_a_CVE_id_and_ambiguous_requests_are_refused_with_a_problem()
    {
        var analyst = (await factory.CreateActorAsync(Roles.Analyst)).Client;
        var draft = await analyst.CreateNoteAsync(NoteSamples.Minimal("Draft"));
        var withoutCve = await AffectedSamples.PublishAsync(analyst, NoteSamples.Minimal("No CVE"));
        var twoCves = ExportSamples.Rich();
        twoCves["cve_ids"] = new JsonArray("CVE-2026-10002", "CVE-2026-10003");
        var ambiguous = await AffectedSamples.PublishAsync(analyst, twoCves);

        Assert.Equal(HttpStatusCode.Conflict, (await analyst.GetAsync($"/api/v1/notes/{draft}/osv")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await analyst.GetAsync($"/api/v1/notes/{withoutCve}/cve5")).StatusCode);
        var unnamed = await analyst.GetAsync($"/api/v1/notes/{ambiguous}/cve5");
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        Assert.Equal(["cve"], await unnamed.ProblemPointersAsync());
        var named = await analyst.GetNodeAsync($"/api/v1/notes/{ambiguous}/cve5?cve=CVE-2026-10003");
        Assert.Empty(ExportSchemas.CveContainerProblems("CVE-2026-10003", named["cnaContainer"]!));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/api/v1/notes/{draft}/cve5")).StatusCode);
    }

    [Fact]
    public async Task A_withdrawn_note_is_an_OSV_record_marked_withdrawn()
    {
        var (client, id, _) = await PublishAsync("rich");
        await client.WithdrawNoteAsync(id, "Duplicate of another note.");

        var osv = await client.GetNodeAsync($"/api/v1/notes/{id}/osv");
        Assert.NotNull(osv["withdrawn"]);
        Assert.Empty(ExportSchemas.OsvProblems(osv));
        Assert.Equal(HttpStatusCode.Conflict, (await client.GetAsync($"/api/v1/notes/{id}/cve5")).StatusCode);
    }

    /// <summary>Issue 11, "small leaks": what is derived from a note for the world never names the reports or collections behind it.</summary>
    [Fact]
    public async Task No_export_carries_the_ids_of_the_incidents_or_collections_a_note_links()
    {
        var analyst = (await factory.CreateActorAsync(Roles.Analyst)).Client;
        var reporter = (await factory.CreateActorAsync(Roles.Reporter)).Client;
        var incident = await reporter.FileAsync(Api.Report(extra: "\"tlp\": \"GREEN\""));
        var collection = await analyst.CreateCollectionAsync("GREEN");
        var note = ExportSamples.Rich();
        note["incident_ids"] = new JsonArray(incident);
        note["indicator_collection_ids"] = new JsonArray(collection);
        var id = await AffectedSamples.PublishAsync(analyst, note);
        var csaf = new Uri((await analyst.GetNodeAsync($"/api/v1/notes/{id}"))["links"]!["csaf"]!.GetValue<string>()).AbsolutePath;

        foreach (var path in new[] { csaf, $"/api/v1/notes/{id}/cve5", $"/api/v1/notes/{id}/osv" })
        {
            var answer = await analyst.GetStringAsync(path);
            Assert.DoesNotContain(incident, answer, StringComparison.Ordinal);
            Assert.DoesNotContain(collection, answer, StringComparison.Ordinal);
        }
    }

    private async Task<(HttpClient Client, string Id, string Cve)> PublishAsync(string which)
    {
        var analyst = (await factory.CreateActorAsync(Roles.Analyst)).Client;
        var note = which == "2019" ? NoteSamples.Cve20193568() : ExportSamples.Rich();
        return (analyst, await AffectedSamples.PublishAsync(analyst, note), note["cve_ids"]![0]!.GetValue<string>());
    }
}
