using System.Net;
using System.Text.Json.Nodes;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Notes;

/// <summary>A bad note is refused whole (422), naming each bad field by JSON pointer; nothing is written.</summary>
public sealed class NoteValidationTests(VigilFactory factory) : IClassFixture<VigilFactory>
{
    private async Task<(HttpResponseMessage Response, string[] Pointers, JsonNode Problem)> CreateAsync(JsonObject note)
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var response = await analyst.Client.PostJsonAsync("/api/v1/notes", note.ToJsonString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (response, [.. problem["errors"]!.AsArray().Select(e => e!["pointer"]!.GetValue<string>())], problem);
    }

    private static string DetailAt(JsonNode problem, string pointer) =>
        problem["errors"]!.AsArray().First(e => e!["pointer"]!.GetValue<string>() == pointer)!["detail"]!.GetValue<string>();

    [Theory]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H", "A")]
    [InlineData("CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "AV")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N", "SA")]
    public async Task An_invalid_CVSS_vector_is_422_naming_the_metric(string vector, string metric)
    {
        var note = NoteSamples.Minimal();
        note["cvss"] = new JsonArray(vector);
        var (_, pointers, problem) = await CreateAsync(note);
        Assert.Equal(["/cvss/0"], pointers);
        Assert.StartsWith($"metric {metric}:", DetailAt(problem, "/cvss/0"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_bad_field_is_named_at_once()
    {
        var note = NoteSamples.Minimal();
        note["severity"] = "severe";
        note["cve_ids"] = new JsonArray("CVE-19-1");
        note["cwe_ids"] = new JsonArray("CWE-999999");
        note["cvss"] = new JsonArray("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
        note["colour"] = "red";
        note.Remove("countermeasures");
        var product = note["products"]![0]!.AsObject();
        product["purl"] = "pkg:";
        product["cpe"] = "cpe:2.3:a:broken";
        product["affected"] = new JsonArray("vers:semver/<1.0.0|>2.0.0", "semver<1");
        product["fixed"] = new JsonArray("0.9.0");
        note["references"] = new JsonArray(new JsonObject { ["url"] = "ftp://example.org/x", ["summary"] = "x" });
        note["incident_ids"] = new JsonArray("no-such-incident");

        var (_, pointers, _) = await CreateAsync(note);
        // "<1.0.0|>2.0.0" is a valid range, and 0.9.0 lies inside it.
        Assert.Equal(
            ["/colour", "/countermeasures", "/cve_ids/0", "/cvss/1", "/cwe_ids/0", "/products/0/affected/1", "/products/0/cpe", "/products/0/fixed/0",
             "/products/0/purl", "/references/0/url", "/severity"],
            pointers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_fixed_version_inside_the_affected_range_is_refused()
    {
        var note = NoteSamples.Minimal();
        note["products"]![0]!["fixed"] = new JsonArray("1.2.0");
        var (_, pointers, problem) = await CreateAsync(note);
        Assert.Equal(["/products/0/fixed/0"], pointers);
        Assert.Contains("inside the affected range", DetailAt(problem, "/products/0/fixed/0"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Links_to_records_that_do_not_exist_are_refused_and_nothing_is_written()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var before = (await analyst.Client.GetNodeAsync("/api/v1/notes")).AsArray().Count;
        var note = NoteSamples.Minimal();
        note["indicator_collection_ids"] = new JsonArray("missing");
        var (_, pointers, _) = await CreateAsync(note);
        Assert.Equal(["/indicator_collection_ids/0"], pointers);
        Assert.Equal(before, (await analyst.Client.GetNodeAsync("/api/v1/notes")).AsArray().Count);
    }

    [Fact]
    public async Task A_revision_names_bad_fields_inside_the_note()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var id = await analyst.Client.CreateNoteAsync(NoteSamples.Minimal("Revised badly"));
        await analyst.Client.PublishNoteAsync(id);
        var note = NoteSamples.Minimal("Revised badly");
        note["cvss"] = new JsonArray("CVSS:4.0/AV:Q");
        var response = await analyst.Client.PostJsonAsync($"/api/v1/notes/{id}/revisions",
            new JsonObject { ["significance"] = "huge", ["note"] = note.DeepClone() }.ToJsonString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(["/significance", "/summary"], (await response.ProblemPointersAsync()).Order(StringComparer.Ordinal));
        response = await analyst.Client.PostJsonAsync($"/api/v1/notes/{id}/revisions", new JsonObject { ["summary"] = "s", ["note"] = note.DeepClone() }.ToJsonString());
        Assert.Equal(["/note/cvss/0"], await response.ProblemPointersAsync());
        Assert.Single((await analyst.Client.GetNodeAsync($"/api/v1/notes/{id}/history"))["revisions"]!.AsArray());
    }
}
