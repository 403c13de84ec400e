using System.Text.Json.Nodes;
using Vigil.Cli;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Cli;

/// <summary>
/// Issue 17, "the CLI completes the API": an administrator registers an organisation, creates its reporter and a
/// token from the terminal; the reporter files; an analyst triages and asks for information; the reporter answers;
/// the administrator disables and revokes. Every step through `vigil`, checked by its output and exit code.
/// </summary>
public sealed class AdminAndTriageCommandTests(RunningServer server) : IClassFixture<RunningServer>, IDisposable
{
    private readonly string _files = Directory.CreateTempSubdirectory("vigil-cli-admin-").FullName;

    private string WriteFile(string name, string content)
    {
        var path = Path.Combine(_files, name);
        File.WriteAllText(path, content);
        return path;
    }

    private string[] As(string token) => ["--server", server.Address.ToString(), "--token", token];

    private static async Task<JsonNode> JsonOfAsync(params string[] args)
    {
        var run = await CliRun.InProcessAsync([.. args, "--json"]);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        return JsonNode.Parse(run.Out)!;
    }

    [Fact]
    public async Task An_organisation_its_reporter_a_report_triage_a_request_and_its_answer_all_from_the_terminal()
    {
        var admin = await Seed.UserAsync(server.Services, Roles.Admin);
        var analyst = await Seed.UserAsync(server.Services, Roles.Analyst);
        var name = "Messaging " + Guid.NewGuid().ToString("N")[..8];

        var organisation = await JsonOfAsync(["admin", "org", "create", WriteFile("org.json", $$"""
            {"name": "{{name}}", "sector": "telecom", "country": "IN",
             "point_of_contact": {"name": "Security Desk", "role": "CISO office", "email": "security@messaging.example", "phone": "+91 11 2345 6789"} }
            """), .. As(admin.Token)]);
        var orgId = organisation["id"]!.GetValue<string>();
        var listed = await CliRun.InProcessAsync(["admin", "org", "list", .. As(admin.Token)]);
        Assert.Contains($"{orgId}  {name}  telecom  IN  security@messaging.example", listed.Out, StringComparison.Ordinal);

        var user = await JsonOfAsync(["admin", "user", "create", WriteFile("user.json", $$"""
            {"email": "reporter-{{orgId}}@messaging.example", "role": "reporter", "organisation_id": "{{orgId}}"}
            """), .. As(admin.Token)]);
        var userId = user["id"]!.GetValue<string>();
        var issued = await JsonOfAsync(["admin", "token", "issue", userId, "--name", "ci", .. As(admin.Token)]);
        var reporterToken = issued["token"]!.GetValue<string>();
        var tokens = await CliRun.InProcessAsync(["admin", "token", "list", userId, .. As(admin.Token)]);
        Assert.Contains($"{issued["id"]}  ci  ", tokens.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(reporterToken, tokens.Out, StringComparison.Ordinal);

        var filed = await JsonOfAsync(["report", "submit", WriteFile("report.json", Api.Report()), .. As(reporterToken)]);
        var incident = filed["incident"]!["id"]!.GetValue<string>();

        var moved = await CliRun.InProcessAsync(["triage", "status", incident, "triaged", "--reason", "confirmed", .. As(analyst.Token)]);
        Assert.True(moved.ExitCode == ExitCodes.Ok, moved.ToString());
        Assert.Contains("status", moved.Out, StringComparison.Ordinal);
        var assigned = await CliRun.InProcessAsync(["triage", "assign", incident, analyst.UserId, .. As(analyst.Token)]);
        Assert.True(assigned.ExitCode == ExitCodes.Ok, assigned.ToString());
        var request = await JsonOfAsync(["triage", "request", incident, "--question", "How many users were targeted?",
            "--due", "2030-01-01T12:00:00+05:30", "--field", "affected_users", .. As(analyst.Token)]);
        var sequence = request["submission"]!["sequence"]!.GetValue<int>();
        Assert.Equal(sequence, request["request"]!["id"]!.GetValue<int>());

        var summary = await CliRun.InProcessAsync(["triage", "request", incident, "--question", "Which versions?", "--due", "2030-01-02T12:00:00Z", .. As(analyst.Token)]);
        Assert.Contains($"Request {sequence + 1} on incident {incident}, due 2030-01-02 12:00 UTC: Which versions?", summary.Out, StringComparison.Ordinal);

        var answered = await CliRun.InProcessAsync(["report", "answer", incident, sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            WriteFile("answer.json", """{"narrative": "About 1,400.", "affected_users": {"total": 1400, "as_of": "2026-11-30T00:00:00Z"}}"""), .. As(reporterToken)]);
        Assert.True(answered.ExitCode == ExitCodes.Ok, answered.ToString());
        var history = await CliRun.InProcessAsync(["report", "history", incident, .. As(reporterToken)]);
        Assert.Contains("#1 report", history.Out, StringComparison.Ordinal);
        Assert.Contains($"#{sequence} request", history.Out, StringComparison.Ordinal);
        Assert.Contains("\"total\":1400", history.Out, StringComparison.Ordinal);

        var list = await CliRun.InProcessAsync(["report", "list", "--status", "triaged", "--organisation", orgId, .. As(analyst.Token)]);
        Assert.True(list.ExitCode == ExitCodes.Ok, list.ToString());
        Assert.Contains($"{incident}  triaged  ", list.Out, StringComparison.Ordinal);
        Assert.Contains("(1 item)", list.Out, StringComparison.Ordinal);

        var disabled = await CliRun.InProcessAsync(["admin", "user", "disable", userId, "--reason", "left the company", .. As(admin.Token)]);
        Assert.Contains("disabled: true", disabled.Out, StringComparison.Ordinal);
        var refused = await CliRun.InProcessAsync(["report", "list", .. As(reporterToken)]);
        Assert.Equal(ExitCodes.Rejected, refused.ExitCode);
        Assert.Contains("Rejected (401)", refused.Error, StringComparison.Ordinal);
        var enabled = await CliRun.InProcessAsync(["admin", "user", "enable", userId, .. As(admin.Token)]);
        Assert.Contains("disabled: false", enabled.Out, StringComparison.Ordinal);
        var revoked = await CliRun.InProcessAsync(["admin", "token", "revoke", issued["id"]!.GetValue<string>(), .. As(admin.Token)]);
        Assert.True(revoked.ExitCode == ExitCodes.Ok, revoked.ToString());
        Assert.Contains("Done (204).", revoked.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Rejected, (await CliRun.InProcessAsync(["report", "list", .. As(reporterToken)])).ExitCode);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_the_fields_named_and_the_right_exit_codes()
    {
        var admin = await Seed.UserAsync(server.Services, Roles.Admin);
        var organisation = await CliRun.InProcessAsync(["admin", "org", "create", WriteFile("bad-org.json", """{"name": "", "country": "XX"}"""), .. As(admin.Token)]);
        Assert.Equal(ExitCodes.Rejected, organisation.ExitCode);
        foreach (var pointer in new[] { "/name:", "/sector:", "/country:", "/point_of_contact:" })
        {
            Assert.Contains(pointer, organisation.Error, StringComparison.Ordinal);
        }
        var both = await CliRun.InProcessAsync(["triage", "assign", "some-incident", "some-user", "--none", .. As(admin.Token)]);
        Assert.Equal(ExitCodes.Usage, both.ExitCode);
        Assert.Contains("not both", both.Error, StringComparison.Ordinal);
        var missing = await CliRun.InProcessAsync(["admin", "user", "show", "no-such-user", .. As(admin.Token)]);
        Assert.Equal(ExitCodes.Rejected, missing.ExitCode);
        Assert.Contains("Rejected (404)", missing.Error, StringComparison.Ordinal);
        var role = await CliRun.InProcessAsync(["admin", "user", "role", "no-such-user", "wizard", .. As(admin.Token)]);
        Assert.Equal(ExitCodes.Rejected, role.ExitCode);
    }

    [Fact]
    public async Task The_json_of_a_list_parses_as_the_servers_json_when_run_as_a_process()
    {
        var admin = await Seed.UserAsync(server.Services, Roles.Admin);
        var run = await CliRun.ProcessAsync(null, ["admin", "user", "list", "--json", .. As(admin.Token)]);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var users = JsonNode.Parse(run.Out)!.AsArray();
        Assert.Contains(users, u => u!["id"]!.GetValue<string>() == admin.UserId);
        Assert.Equal("", run.Error);
    }

    public void Dispose() => Directory.Delete(_files, recursive: true);
}
