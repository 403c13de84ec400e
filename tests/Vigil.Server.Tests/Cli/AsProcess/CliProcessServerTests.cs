using System.Text.Json.Nodes;
using Vigil.Cli;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Cli.AsProcess;

/// <summary>
/// Issue 17: the built `vigil`, run as a process with its output redirected, against `vigil serve` in its own process:
/// the server itself, the local operator's commands on its database, reports and triage.
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
            // The guide in words is checked where the demo's load is (DemoLoadTests); here as JSON, for scripts.
            var demo = await VigilProcess.RunAsync("demo", "--json", $"--Storage:DataDirectory={fresh}", $"--Regimes:Directory={RepositoryPaths.File("regimes")}");
            var guide = VigilProcess.Json(demo);
            Assert.Contains("/notes/", guide["note"]!.GetValue<string>(), StringComparison.Ordinal);
            var accounts = guide["accounts"]!.AsArray();
            Assert.Contains(accounts, a => a!["role"]!.GetValue<string>() == "analyst" && a["password"]!.GetValue<string>().Length >= 12);
            Assert.Contains($"--Storage:DataDirectory={fresh}", guide["serve"]!.GetValue<string>(), StringComparison.Ordinal);
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

        Assert.Equal("Done (204).", (await Admin("admin", "user", "reset-totp", userId)).Out.Trim());
        var ended = token["token"]!.GetValue<string>();
        Assert.True((await VigilProcess.AgainstAsync(server.Address, ended, "report", "list")).ExitCode == ExitCodes.Ok);
        Assert.NotNull(VigilProcess.Json(await Admin("admin", "user", "end-sessions", userId, "--json")).AsObject());
        Assert.Contains("(401)", VigilProcess.Failed(await VigilProcess.AgainstAsync(server.Address, ended, "report", "list"), ExitCodes.Rejected).Error,
            StringComparison.Ordinal);
        token = VigilProcess.Json(await Admin("admin", "token", "issue", userId, "--name", "ci again", "--json"));

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
        // VIGIL_URL wins over VIGIL_SERVER, its older name, and here names a port where nothing listens.
        var unreachable = await CliRun.ProcessAsync(new Dictionary<string, string>
        {
            ["VIGIL_URL"] = "http://127.0.0.1:1", ["VIGIL_SERVER"] = server.Address.ToString(), ["VIGIL_TOKEN"] = server.ReporterToken,
        }, "report", "list");
        Assert.Contains("Cannot reach the Vigil server at http://127.0.0.1:1/", VigilProcess.Failed(unreachable, ExitCodes.Unavailable).Error, StringComparison.Ordinal);
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
}
