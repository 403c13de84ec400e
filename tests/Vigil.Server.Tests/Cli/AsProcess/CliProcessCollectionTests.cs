using Vigil.Cli;

namespace Vigil.Server.Tests.Cli.AsProcess;

/// <summary>
/// Issue 17: `vigil collection`, the built `vigil` run as a process against `vigil serve` in its own process: every
/// command of the group, each change's refusals, and what each audience reads.
/// </summary>
[Collection(VigilServeCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CliProcessCollectionTests(VigilServeProcess server)
{
    [Fact]
    [CoversGroup("collection")]
    public async Task Collection_opens_adds_shows_releases_relabels_exports_and_removes_and_refuses_a_wider_label()
    {
        var opened = VigilProcess.Json(await server.Analyst("collection", "create", "--name", "Process Pegasus", "--tlp", "GREEN", "--malware", "Pegasus", "--json"));
        var id = opened["id"]!.GetValue<string>();
        Assert.Equal(("GREEN", 0), (opened["tlp"]!.GetValue<string>(), opened["indicators"]!.GetValue<int>()));
        var added = VigilProcess.Json(await server.Analyst("collection", "add", id, "[domain-name:value = 'weather4free.com']", "[ipv4-addr:value = '198.51.100.7']", "--json"));
        Assert.Equal((2, 0), (added["added"]!.GetValue<int>(), added["already_present"]!.GetValue<int>()));

        var shown = VigilProcess.Json(await server.Analyst("collection", "show", id, "--json"));
        var indicators = shown["indicators"]!.AsArray();
        Assert.All(indicators, i => Assert.Equal("GREEN", i!["tlp"]!.GetValue<string>()));
        var indicator = indicators.Single(i => i!["pattern"]!.GetValue<string>().Contains("weather4free", StringComparison.Ordinal))!["id"]!.GetValue<string>();
        var summary = await server.Analyst("collection", "show", id);
        Assert.Contains($"Collection {id}  TLP:GREEN  Process Pegasus  (2 indicators)", summary.Out, StringComparison.Ordinal);
        Assert.Contains($"{indicator}  TLP:GREEN  [domain-name:value = 'weather4free.com']", summary.Out, StringComparison.Ordinal);

        // Without a token only TLP:CLEAR is listed; the analyst sees the GREEN collection.
        Assert.DoesNotContain(id, (await VigilProcess.AgainstAsync(server.Address, null, "collection", "list", "--json")).Out, StringComparison.Ordinal);
        Assert.Contains(VigilProcess.Json(await server.Analyst("collection", "list", "--json")).AsArray(), c => c!["id"]!.GetValue<string>() == id);

        // CLEAR would share the GREEN indicators more widely: refused until they are released, or taken out.
        var wider = VigilProcess.Failed(await server.Analyst("collection", "update", id, "--tlp", "CLEAR"), ExitCodes.Rejected);
        Assert.Contains("/tlp", wider.Error, StringComparison.Ordinal);
        var released = VigilProcess.Json(await server.Analyst("collection", "release", id, indicator, "--tlp", "CLEAR", "--reason", "public knowledge", "--json"));
        Assert.Equal("CLEAR", released["tlp"]!.GetValue<string>());
        var other = indicators.Single(i => i!["id"]!.GetValue<string>() != indicator)!["id"]!.GetValue<string>();
        Assert.Equal("Done (204).", (await server.Analyst("collection", "remove", id, other)).Out.Trim());
        var relabelled = VigilProcess.Json(await server.Analyst("collection", "update", id, "--tlp", "CLEAR", "--description", "From the 2019 case", "--json"));
        Assert.Equal(("CLEAR", 1, "From the 2019 case"),
            (relabelled["tlp"]!.GetValue<string>(), relabelled["indicators"]!.GetValue<int>(), relabelled["description"]!.GetValue<string>()));

        var imported = VigilProcess.Json(await server.Analyst("collection", "import", id, server.WriteFile("bundle.json", """
            {"type": "bundle", "id": "bundle--5d0c7d2a-3f4e-4b8a-9c1d-2e3f4a5b6c7d", "objects": [
              {"type": "indicator", "spec_version": "2.1", "id": "indicator--8e2f1c3a-4b5d-4e6f-8a9b-0c1d2e3f4a5b",
               "created": "2019-05-13T00:00:00.000Z", "modified": "2019-05-13T00:00:00.000Z",
               "pattern": "[domain-name:value = 'free247downloads.com']", "pattern_type": "stix", "valid_from": "2019-05-13T00:00:00Z"}]}
            """), "--json"));
        Assert.Equal((1, 2), (imported["added"]!.GetValue<int>(), imported["collection"]!["indicators"]!.GetValue<int>()));

        var bundle = VigilProcess.Json(await VigilProcess.AgainstAsync(server.Address, null, "collection", "export", id));
        Assert.Equal("bundle", bundle["type"]!.GetValue<string>());
        Assert.Contains(bundle["objects"]!.AsArray(), o => o!["id"]!.GetValue<string>() == indicator);
        Assert.Contains(bundle["objects"]!.AsArray(), o => o!["id"]!.GetValue<string>() == "indicator--8e2f1c3a-4b5d-4e6f-8a9b-0c1d2e3f4a5b");

        var cleared = VigilProcess.Json(await server.Analyst("collection", "update", id, "--description", "", "--json"));
        Assert.Null(cleared["description"]);

        // An incident's reported indicators join a collection labelled as the incident is; an unknown incident is named.
        var filed = await server.FiledReport;
        var label = filed.Answer["incident"]!["tlp"]!.GetValue<string>();
        var second = VigilProcess.Json(await server.Analyst("collection", "create", "--name", "From the report", "--tlp", label, "--json"))["id"]!.GetValue<string>();
        var fromIncident = VigilProcess.Json(await server.Analyst("collection", "add-incident", second, filed.IncidentId, "--json"));
        Assert.Contains(fromIncident["collection"]!["incident_ids"]!.AsArray(), i => i!.GetValue<string>() == filed.IncidentId);
        Assert.Contains("/incident_id", VigilProcess.Failed(await server.Analyst("collection", "add-incident", second, "no-such-incident"), ExitCodes.Rejected).Error,
            StringComparison.Ordinal);

        VigilProcess.Failed(await server.Analyst("collection", "update", id), ExitCodes.Usage);
        VigilProcess.Failed(await VigilProcess.AgainstAsync(server.Address, server.ReporterToken, "collection", "create", "--name", "x", "--tlp", "CLEAR"), ExitCodes.Rejected);
        VigilProcess.Failed(await server.Analyst("collection", "show", "no-such-collection"), ExitCodes.Rejected);
    }
}
