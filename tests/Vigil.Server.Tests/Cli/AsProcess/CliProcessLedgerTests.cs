using System.Text;
using Vigil.Cli;
using Vigil.Ledger.Notes;
using Vigil.Ledger.Witnessing;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Cli.AsProcess;

/// <summary>
/// Issue 17: the built `vigil`, run as a process with its output redirected, against `vigil serve` in its own process:
/// receipts checked offline and fetched again, the log mirrored and audited, and a witness that cosigns it.
/// </summary>
[Collection(VigilServeCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CliProcessLedgerTests(VigilServeProcess server)
{
    [Fact]
    [CoversGroup("verify", "receipt")]
    public async Task Verify_proves_the_saved_receipt_offline_receipt_refresh_fetches_it_again_and_other_content_fails()
    {
        var filed = await server.FiledReport;
        var verified = await VigilProcess.RunAsync("verify", filed.ReceiptFile, "--key", server.LedgerKey, "--content", filed.ReportFile);
        Assert.True(verified.ExitCode == ExitCodes.Ok, verified.ToString());
        Assert.Contains("The content given is exactly what was committed.", verified.Out, StringComparison.Ordinal);
        var proved = VigilProcess.Json(await VigilProcess.RunAsync("verify", filed.ReceiptFile, "--key", server.LedgerKey, "--content", filed.ReportFile, "--json"));
        Assert.True(proved["holds"]!.GetValue<bool>() && proved["content_checked"]!.GetValue<bool>());
        Assert.Equal("report", proved["kind"]!.GetValue<string>());
        Assert.Null(proved["not_proved"]);
        var unproved = VigilProcess.Json(await VigilProcess.RunAsync("verify", filed.ReceiptFile, "--key", server.LedgerKey, "--json"));
        Assert.Null(unproved["kind"]);
        Assert.StartsWith("Not proved: ", unproved["not_proved"]!.GetValue<string>(), StringComparison.Ordinal);
        var other = server.WriteFile("other.json", Api.Report(title: "Not what was filed"));
        Assert.Contains("FAILED", VigilProcess.Failed(await VigilProcess.RunAsync("verify", filed.ReceiptFile, "--key", server.LedgerKey, "--content", other),
            ExitCodes.Rejected).Error, StringComparison.Ordinal);
        var refused = await VigilProcess.RunAsync("verify", filed.ReceiptFile, "--key", server.LedgerKey, "--content", other, "--json");
        Assert.Equal(ExitCodes.Rejected, refused.ExitCode);
        Assert.False(System.Text.Json.Nodes.JsonNode.Parse(refused.Out)!["holds"]!.GetValue<bool>());

        var copy = server.WriteFile("refreshed.receipt.json", File.ReadAllText(filed.ReceiptFile));
        var refreshed = await VigilProcess.AgainstAsync(server.Address, server.ReporterToken, "receipt", "refresh", copy, "--key", server.LedgerKey);
        Assert.True(refreshed.ExitCode == ExitCodes.Ok, refreshed.ToString());
        Assert.True((await VigilProcess.RunAsync("verify", copy, "--key", server.LedgerKey)).ExitCode == ExitCodes.Ok);
        var again = VigilProcess.Json(await VigilProcess.AgainstAsync(server.Address, server.ReporterToken, "receipt", "refresh", copy, "--key", server.LedgerKey, "--json"));
        // Just refreshed: unchanged, unless the log grew meanwhile (then replaced with a larger tree).
        Assert.Contains(again["outcome"]!.GetValue<string>(), new[] { "unchanged", "replaced" });
        Assert.True(again["tree_size"]!.GetValue<long>() >= again["previous_tree_size"]!.GetValue<long>(), again.ToJsonString());
        Assert.Equal(VigilProcess.Json(await VigilProcess.RunAsync("verify", copy, "--key", server.LedgerKey, "--json"))["leaf_index"]!.GetValue<long>(),
            again["leaf_index"]!.GetValue<long>());
        VigilProcess.Failed(await VigilProcess.AgainstAsync(server.Address, server.ReporterToken,
            "receipt", "refresh", Path.Combine(server.Files, "missing.receipt.json"), "--key", server.LedgerKey), ExitCodes.LocalFile);
    }

    [Fact]
    [CoversGroup("ledger")]
    public async Task Ledger_follow_mirrors_quietly_audit_finds_the_served_database_whole_and_cannot_audit_nothing()
    {
        await server.FiledReport;
        var state = Path.Combine(server.Files, "mirror");
        var followed = await VigilProcess.RunAsync("ledger", "follow", server.Address.ToString(), "--key", server.LedgerKey, "--state", state, "--once");
        Assert.True(followed.ExitCode == ExitCodes.Ok, followed.ToString());
        Assert.True(File.Exists(Path.Combine(state, "checkpoint")));
        // Fetching and checking every tile is long work: on a redirected standard error, nothing is drawn.
        Assert.Equal("", followed.Error);
        // A second round on the same mirror: one JSON object, the log unchanged or grown, never smaller.
        var round = VigilProcess.Json(await VigilProcess.RunAsync("ledger", "follow", server.Address.ToString(), "--key", server.LedgerKey, "--state", state, "--once", "--json"));
        Assert.Contains(round["outcome"]!.GetValue<string>(), new[] { "unchanged", "advanced" });
        Assert.True(round["size"]!.GetValue<long>() >= round["previous_size"]!.GetValue<long>(), round.ToJsonString());
        Assert.Equal(32, Convert.FromBase64String(round["root"]!.GetValue<string>()).Length);
        using var stranger = Ed25519NoteSigner.Generate("cert.gov.test/vigil");
        VigilProcess.Failed(await VigilProcess.RunAsync("ledger", "follow", server.Address.ToString(), "--key", stranger.VerifierKey,
            "--state", Path.Combine(server.Files, "stranger"), "--once"), ExitCodes.Rejected);

        var audit = await VigilProcess.RunAsync(["ledger", "audit", "--key", server.LedgerKey, .. server.HostArguments]);
        Assert.True(audit.ExitCode == ExitCodes.Ok, audit.ToString());
        var audited = VigilProcess.Json(await VigilProcess.RunAsync(["ledger", "audit", "--json", "--key", server.LedgerKey, .. server.HostArguments]));
        Assert.True(audited["clean"]!.GetValue<bool>());
        Assert.Empty(audited["findings"]!.AsArray());
        Assert.True(audited["leaves"]!.GetValue<long>() > 0);
        var nothing = Directory.CreateTempSubdirectory("vigil-cli-process-audit-").FullName;
        try
        {
            VigilProcess.Failed(await VigilProcess.RunAsync("ledger", "audit", "--key", server.LedgerKey, $"--Storage:DataDirectory={nothing}"), ExitCodes.CouldNotAudit);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(nothing, recursive: true);
        }
    }

    [Fact]
    [CoversGroup("witness")]
    public async Task A_witness_process_cosigns_the_served_checkpoint_and_refuses_a_log_key_that_is_not_one()
    {
        await server.FiledReport;
        await using var witness = await WitnessProcess.StartAsync("witness.test/process", server.LedgerKey);
        using var client = server.Client();
        var checkpoint = SignedNote.Parse(await client.GetStringAsync("/ledger/checkpoint"));
        using var witnessClient = new HttpClient { BaseAddress = witness.Address };
        using var body = new StringContent(new AddCheckpointRequest(0, [], checkpoint).ToString(), Encoding.UTF8, "text/plain");
        using var answer = await witnessClient.PostAsync("add-checkpoint", body);
        Assert.Equal(System.Net.HttpStatusCode.OK, answer.StatusCode);
        checkpoint.WithSignatures([NoteSignature.ParseLine(await answer.Content.ReadAsStringAsync())]).Verify(NoteVerifierSet.Parse(witness.VerifierKey));

        var refused = await VigilProcess.RunAsync("witness", "serve", "--key", Path.Combine(server.Files, "w.key"), "--name", "witness.test/bad",
            "--log-key", "not-a-key", "--state", Path.Combine(server.Files, "w-state"), "--urls", "http://127.0.0.1:0");
        Assert.Contains("--log-key", VigilProcess.Failed(refused, ExitCodes.Usage).Error, StringComparison.Ordinal);
    }
}
