using System.Text.Json.Nodes;
using Vigil.Cli;
using Vigil.Server.Tests.Features.Advisories;
using Vigil.Server.Tests.Features.Affected;
using Vigil.Server.Tests.Features.Notes;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Cli.AsProcess;

/// <summary>
/// Issue 17: the built `vigil`, run as a process with its output redirected, against `vigil serve` in its own process:
/// what the CERT publishes and shares (notes, indicator collections, advisories) and what is read from it.
/// </summary>
[Collection(VigilServeCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CliProcessContentTests(VigilServeProcess server)
{
    [Fact]
    [CoversGroup("note")]
    public async Task Note_creates_publishes_lists_and_shows_its_history_and_refuses_what_it_must()
    {
        var draft = VigilProcess.Json(await server.Analyst("note", "create", server.WriteFile("note.json", NoteSamples.Cve20193568().ToJsonString()), "--json"));
        var id = draft["id"]!.GetValue<string>();
        Assert.Equal("draft", draft["status"]!.GetValue<string>());
        var published = VigilProcess.Json(await server.Analyst("note", "publish", id, "--json"));
        Assert.Equal("1.0.0", published["note"]!["version"]!.GetValue<string>());
        Assert.NotNull(published["revision"]!["leaf_index"]);

        var listed = VigilProcess.Json(await VigilProcess.AgainstAsync(server.Address, null, "note", "list", "--json")).AsArray();
        Assert.Contains(listed, n => n!["id"]!.GetValue<string>() == id && n["status"]!.GetValue<string>() == "published");
        var summary = await server.Analyst("note", "list");
        Assert.Contains($"{id}  published  1.0.0  CLEAR  ", summary.Out, StringComparison.Ordinal);
        var history = await server.Analyst("note", "show", id, "--history");
        Assert.Contains("#1 note-publication 1.0.0", history.Out, StringComparison.Ordinal);
        var first = VigilProcess.Json(await server.Analyst("note", "show", id, "--revision", "1", "--json"));
        Assert.Equal((1, "1.0.0", published["revision"]!["leaf_index"]!.GetValue<long>()),
            (first["revision"]!.GetValue<int>(), first["version"]!.GetValue<string>(), first["leaf_index"]!.GetValue<long>()));
        VigilProcess.Failed(await server.Analyst("note", "show", id, "--history", "--revision", "1"), ExitCodes.Usage);

        VigilProcess.Failed(await server.Analyst("note", "show", "VIGN-1999-9999"), ExitCodes.Rejected);
        VigilProcess.Failed(await server.Analyst("note", "withdraw", id), ExitCodes.Usage);
    }

    [Fact]
    [CoversGroup("advisory")]
    public async Task Advisory_checks_offline_imports_as_an_analyst_and_names_the_failed_test()
    {
        var example = CsafFiles.OfficialExamples.Single(f => f.EndsWith("bsi-2022-0001.json", StringComparison.Ordinal));
        var valid = await VigilProcess.RunAsync("advisory", "check", example);
        Assert.True(valid.ExitCode == ExitCodes.Ok, valid.ToString());
        Assert.Contains(": valid", valid.Out, StringComparison.Ordinal);
        var broken = await VigilProcess.RunAsync("advisory", "check", CsafFiles.Broken("6.1.20"));
        Assert.Equal(ExitCodes.Rejected, broken.ExitCode);
        Assert.Contains("6.1.20", broken.Out + broken.Error, StringComparison.Ordinal);

        var import = await server.Analyst("advisory", "import", example, "--json");
        Assert.Contains("BSI-2022-0001", VigilProcess.Json(import).ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("bsi-2022-0001.json:", import.Error, StringComparison.Ordinal);
        VigilProcess.Failed(await VigilProcess.AgainstAsync(server.Address, server.ReporterToken, "advisory", "import", example), ExitCodes.Rejected);
    }

    [Fact]
    [CoversGroup("compliance", "affected")]
    public async Task Compliance_reports_as_json_and_csv_and_affected_matches_an_SBOM_against_a_published_note()
    {
        await server.FiledReport;
        Task<CliRun> Admin(params string[] args) => VigilProcess.AgainstAsync(server.Address, server.AdminToken, args);
        var report = VigilProcess.Json(await Admin("compliance", "--json"));
        Assert.NotNull(report["evaluated_at"]);
        Assert.Contains(report["rows"]!.AsArray(), r => r!["organisation"]!.GetValue<string>() == "Process Telecom");
        var csv = await Admin("compliance", "--csv");
        Assert.True(csv.ExitCode == ExitCodes.Ok, csv.ToString());
        Assert.Contains("Process Telecom", csv.Out, StringComparison.Ordinal);
        var badFrom = VigilProcess.Failed(await Admin("compliance", "--from", "yesterday"), ExitCodes.Rejected);
        Assert.Contains("from: 'yesterday' is not an ISO 8601 date-time", badFrom.Error, StringComparison.Ordinal);

        using var analyst = server.Client(server.AnalystToken);
        var note = await AffectedSamples.PublishAsync(analyst, AffectedSamples.Note2019WithPurl());
        var sbom = server.WriteFile("sbom.json", AffectedSamples.Sbom("1.6"));
        var affected = await VigilProcess.AgainstAsync(server.Address, null, "affected", sbom, "--json", "--fail-if-affected");
        Assert.Equal(ExitCodes.Rejected, affected.ExitCode);
        Assert.Contains(JsonNode.Parse(affected.Out)!["documents"]!.AsArray(), d => d!["id"]!.GetValue<string>() == note);
        var listed = await VigilProcess.AgainstAsync(server.Address, null, "affected", sbom);
        Assert.True(listed.ExitCode == ExitCodes.Ok, listed.ToString());
        Assert.Contains(note, listed.Out, StringComparison.Ordinal);
        VigilProcess.Failed(await VigilProcess.AgainstAsync(server.Address, null, "affected", Path.Combine(server.Files, "none.json")), ExitCodes.LocalFile);
    }
}
