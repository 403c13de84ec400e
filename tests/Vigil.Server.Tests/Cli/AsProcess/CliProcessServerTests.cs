using System.Text;
using System.Text.Json.Nodes;
using Vigil.Cli;
using Vigil.Ledger.Notes;
using Vigil.Ledger.Witnessing;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Cli.AsProcess;

/// <summary>
/// Issue 17: the built `vigil`, run as a process with its output redirected, against `vigil serve` in its own process:
/// the server itself, the local operator's commands on its database, reports, triage, receipts and the log.
/// </summary>
[Collection(VigilServeCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CliProcessServerTests(VigilServeProcess server)
{
    [Fact]
    [CoversGroup("serve", "demo")]
    public async Task Serve_answers_and_a_demo_refuses_its_database_that_is_not_empty_while_a_fresh_one_loads_quietly()
    {
        Assert.Contains(server.Printed, line => line.Contains("Application started", StringComparison.Ordinal));
        using (var client = server.Client())
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        }
        var serve = VigilProcess.Failed(await VigilProcess.RunAsync(["serve", "--demo", "--urls", "http://127.0.0.1:0", .. server.HostArguments]), ExitCodes.Rejected);
        Assert.Contains("The database is not empty", serve.Error, StringComparison.Ordinal);
        VigilProcess.Failed(await VigilProcess.RunAsync(["demo", .. server.HostArguments]), ExitCodes.Rejected);

        var fresh = Directory.CreateTempSubdirectory("vigil-cli-process-demo-").FullName;
        try
        {
            var demo = await VigilProcess.RunAsync("demo", $"--Storage:DataDirectory={fresh}", $"--Regimes:Directory={RepositoryPaths.File("regimes")}");
            Assert.True(demo.ExitCode == ExitCodes.Ok, demo.ToString());
            Assert.Contains("for demonstration only", demo.Out, StringComparison.Ordinal);
            // Loading the case is long work; with standard error redirected nothing is drawn there.
            VigilProcess.NoProgress(demo);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(fresh, recursive: true);
            if (Directory.Exists(fresh + "-keys")) { Directory.Delete(fresh + "-keys", recursive: true); }
        }
    }

    [Fact]
    [CoversGroup("admin")]
    public async Task Admin_registers_an_organisation_a_user_and_a_token_disables_and_resets_and_refuses_what_it_must()
    {
        var again = VigilProcess.Failed(await VigilProcess.RunAsync(["admin", "init", .. server.HostArguments]), ExitCodes.Rejected);
        Assert.Contains("already initialised", again.Error, StringComparison.Ordinal);

        Task<CliRun> Admin(params string[] args) => VigilProcess.AgainstAsync(server.Address, server.AdminToken, args);
        var organisation = VigilProcess.Json(await Admin("admin", "org", "create", "--json", server.WriteFile("org.json", """
            {"name": "Admin Process Bank", "sector": "banking", "country": "IN",
             "point_of_contact": {"name": "SOC", "role": "CISO office", "email": "soc@bank.example", "phone": "+91 22 2345 6789"}}
            """)));
        var orgId = organisation["id"]!.GetValue<string>();
        Assert.Equal("Admin Process Bank", organisation["name"]!.GetValue<string>());
        var listed = await Admin("admin", "org", "list");
        Assert.Contains($"{orgId}  Admin Process Bank  banking  IN  soc@bank.example", listed.Out, StringComparison.Ordinal);

        var user = VigilProcess.Json(await Admin("admin", "user", "create", "--json", server.WriteFile("user.json",
            $$"""{"email": "soc-reporter@bank.example", "role": "reporter", "organisation_id": "{{orgId}}"}""")));
        var userId = user["id"]!.GetValue<string>();
        var token = VigilProcess.Json(await Admin("admin", "token", "issue", userId, "--name", "ci", "--json"));
        Assert.StartsWith(Vigil.Server.Infrastructure.Security.ApiTokens.Marker, token["token"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(VigilProcess.Json(await Admin("admin", "user", "reset", userId, "--json")).AsObject());

        // A reporter may not administer; then, disabled, its token stops working at once.
        VigilProcess.Failed(await VigilProcess.AgainstAsync(server.Address, token["token"]!.GetValue<string>(), "admin", "org", "list"), ExitCodes.Rejected);
        Assert.True((await Admin("admin", "user", "disable", userId, "--reason", "left the bank")).ExitCode == ExitCodes.Ok);
        Assert.True(VigilProcess.Json(await Admin("admin", "user", "show", userId, "--json"))["disabled"]!.GetValue<bool>());
        VigilProcess.Failed(await Admin("admin", "user", "show", "no-such-user"), ExitCodes.Rejected);
    }

    [Fact]
    [CoversGroup("report")]
    public async Task Report_submit_saves_the_receipt_lists_and_shows_and_names_a_server_it_cannot_reach()
    {
        var filed = await server.FiledReport;
        Assert.NotNull(filed.Answer["receipt"]!["leaf_index"]);
        Assert.Contains($"receipt saved to {filed.ReceiptFile}", filed.Run.Error, StringComparison.Ordinal);
        Assert.NotNull(JsonNode.Parse(File.ReadAllText(filed.ReceiptFile))!["receipt"]);

        var listed = VigilProcess.Json(await VigilProcess.AgainstAsync(server.Address, server.ReporterToken, "report", "list", "--json"));
        Assert.Contains((listed as JsonArray ?? listed["items"]!.AsArray()), i => i!["id"]!.GetValue<string>() == filed.IncidentId);
        var shown = await VigilProcess.AgainstAsync(server.Address, server.ReporterToken, "report", "show", filed.IncidentId);
        Assert.True(shown.ExitCode == ExitCodes.Ok, shown.ToString());
        Assert.Contains("VoIP stack exploited to install spyware", shown.Out, StringComparison.Ordinal);

        VigilProcess.Failed(await VigilProcess.AgainstAsync(server.Address, server.ReporterToken, "report", "show", "no-such-incident"), ExitCodes.Rejected);
        var unreachable = await VigilProcess.RunAsync("report", "list", "--server", "http://127.0.0.1:1", "--token", server.ReporterToken);
        Assert.Contains("Cannot reach the Vigil server", VigilProcess.Failed(unreachable, ExitCodes.Unavailable).Error, StringComparison.Ordinal);
    }

    [Fact]
    [CoversGroup("triage")]
    public async Task Triage_moves_an_incident_and_asks_for_information_and_refuses_a_contradictory_command_line()
    {
        using var reporter = server.Client(server.ReporterToken);
        var incident = await reporter.FileAsync(Api.Report(title: "Triage by process"));
        Task<CliRun> Analyst(params string[] args) => VigilProcess.AgainstAsync(server.Address, server.AnalystToken, args);

        var moved = VigilProcess.Json(await Analyst("triage", "status", incident, "triaged", "--reason", "confirmed", "--json"));
        Assert.Equal(incident, moved["submission"]!["incident_id"]!.GetValue<string>());
        var asked = VigilProcess.Json(await Analyst("triage", "request", incident, "--question", "How many users?", "--due", "2030-01-01T12:00:00Z", "--json"));
        Assert.Equal("How many users?", asked["request"]!["question"]!.GetValue<string>());

        VigilProcess.Failed(await Analyst("triage", "assign", incident, "someone", "--none"), ExitCodes.Usage);
        VigilProcess.Failed(await VigilProcess.AgainstAsync(server.Address, server.ReporterToken, "triage", "status", incident, "closed"), ExitCodes.Rejected);
    }

    [Fact]
    [CoversGroup("verify", "receipt")]
    public async Task Verify_proves_the_saved_receipt_offline_receipt_refresh_fetches_it_again_and_other_content_fails()
    {
        var filed = await server.FiledReport;
        var verified = await VigilProcess.RunAsync("verify", filed.ReceiptFile, "--key", server.LedgerKey, "--content", filed.ReportFile);
        Assert.True(verified.ExitCode == ExitCodes.Ok, verified.ToString());
        Assert.Contains("The content given is exactly what was committed.", verified.Out, StringComparison.Ordinal);
        var other = server.WriteFile("other.json", Api.Report(title: "Not what was filed"));
        Assert.Contains("FAILED", VigilProcess.Failed(await VigilProcess.RunAsync("verify", filed.ReceiptFile, "--key", server.LedgerKey, "--content", other),
            ExitCodes.Rejected).Error, StringComparison.Ordinal);

        var copy = server.WriteFile("refreshed.receipt.json", File.ReadAllText(filed.ReceiptFile));
        var refreshed = await VigilProcess.AgainstAsync(server.Address, server.ReporterToken, "receipt", "refresh", copy, "--key", server.LedgerKey);
        Assert.True(refreshed.ExitCode == ExitCodes.Ok, refreshed.ToString());
        Assert.True((await VigilProcess.RunAsync("verify", copy, "--key", server.LedgerKey)).ExitCode == ExitCodes.Ok);
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
        using var stranger = Ed25519NoteSigner.Generate("cert.gov.test/vigil");
        VigilProcess.Failed(await VigilProcess.RunAsync("ledger", "follow", server.Address.ToString(), "--key", stranger.VerifierKey,
            "--state", Path.Combine(server.Files, "stranger"), "--once"), ExitCodes.Rejected);

        var audit = await VigilProcess.RunAsync(["ledger", "audit", "--key", server.LedgerKey, .. server.HostArguments]);
        Assert.True(audit.ExitCode == ExitCodes.Ok, audit.ToString());
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
