using System.Text.Json.Nodes;
using Vigil.Cli;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Cli;

public sealed class ReportCommandTests(RunningServer server) : IClassFixture<RunningServer>, IDisposable
{
    private readonly string _files = Directory.CreateTempSubdirectory("vigil-cli-").FullName;

    private string WriteFile(string name, string content)
    {
        var path = Path.Combine(_files, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task Submit_update_and_show_history_through_the_cli()
    {
        var reporter = await Seed.UserAsync(server.Services, Roles.Reporter);
        string[] connection = ["--server", server.Address.ToString(), "--token", reporter.Token];

        var submitted = await CliRun.InProcessAsync(["report", "submit", WriteFile("report.json", Api.Report(extra: "\"affected_users\": {\"total\": 100, \"as_of\": \"2026-11-29T00:00:00Z\"}")), .. connection, "--json"]);
        Assert.True(submitted.ExitCode == ExitCodes.Ok, submitted.ToString());
        var id = JsonNode.Parse(submitted.Out)!["incident"]!["id"]!.GetValue<string>();

        var updated = await CliRun.InProcessAsync(["report", "update", id, WriteFile("update.json", """
            {"narrative": "More users found.", "affected_users": {"total": 1400, "as_of": "2026-11-30T00:00:00Z"}}
            """), .. connection]);
        Assert.True(updated.ExitCode == ExitCodes.Ok, updated.ToString());
        Assert.Contains($"Incident {id}: submission 2 (update) accepted", updated.Out, StringComparison.Ordinal);
        Assert.Contains("affected_users: {\"total\":100", updated.Out, StringComparison.Ordinal);

        var shown = await CliRun.InProcessAsync(["report", "show", id, .. connection]);
        Assert.Contains("[received]", shown.Out, StringComparison.Ordinal);
        Assert.Contains("(2 submissions)", shown.Out, StringComparison.Ordinal);

        var history = await CliRun.InProcessAsync(["report", "show", id, "--history", .. connection]);
        Assert.Equal(ExitCodes.Ok, history.ExitCode);
        Assert.Contains("#1 report", history.Out, StringComparison.Ordinal);
        Assert.Contains("#2 update", history.Out, StringComparison.Ordinal);
        Assert.Contains("\"More users found.\"", history.Out, StringComparison.Ordinal);
        Assert.Contains("\"total\":1400", history.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_report_exits_1_and_names_every_bad_field()
    {
        var reporter = await Seed.UserAsync(server.Services, Roles.Reporter);
        var run = await CliRun.InProcessAsync("report", "submit", WriteFile("bad.json", """{"title": "", "category": "nope"}"""),
            "--server", server.Address.ToString(), "--token", reporter.Token);
        Assert.Equal(ExitCodes.Rejected, run.ExitCode);
        Assert.Contains("Rejected (422)", run.Error, StringComparison.Ordinal);
        foreach (var pointer in new[] { "/title:", "/category:", "/description:", "/detected_at:" })
        {
            Assert.Contains(pointer, run.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Another_organisations_incident_is_not_found()
    {
        var owner = await Seed.UserAsync(server.Services, Roles.Reporter);
        var stranger = await Seed.UserAsync(server.Services, Roles.Reporter);
        var filed = await CliRun.InProcessAsync("report", "submit", WriteFile("r.json", Api.Report()), "--server", server.Address.ToString(), "--token", owner.Token, "--json");
        var id = JsonNode.Parse(filed.Out)!["incident"]!["id"]!.GetValue<string>();
        var run = await CliRun.InProcessAsync("report", "show", id, "--server", server.Address.ToString(), "--token", stranger.Token);
        Assert.Equal(ExitCodes.Rejected, run.ExitCode);
        Assert.Contains("Rejected (404)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_problems_have_their_own_exit_codes()
    {
        var missing = await CliRun.InProcessAsync("report", "submit", Path.Combine(_files, "missing.json"), "--server", server.Address.ToString(), "--token", "x");
        Assert.Equal(ExitCodes.LocalFile, missing.ExitCode);
        var usage = await CliRun.InProcessAsync("report", "submit");
        Assert.Equal(ExitCodes.Usage, usage.ExitCode);
        var badUrl = await CliRun.InProcessAsync("report", "show", "x", "--server", "ftp://example.org");
        Assert.Equal(ExitCodes.Usage, badUrl.ExitCode);
    }

    [Fact]
    public async Task The_cli_binary_reads_its_server_and_token_from_the_environment()
    {
        var reporter = await Seed.UserAsync(server.Services, Roles.Reporter);
        var environment = new Dictionary<string, string>
        {
            ["VIGIL_SERVER"] = server.Address.ToString(),
            ["VIGIL_TOKEN"] = reporter.Token,
            ["VIGIL_CONFIG"] = Path.Combine(_files, "none.json"),
        };
        var run = await CliRun.ProcessAsync(environment, "report", "submit", WriteFile("env.json", Api.Report("filed by a separate process")), "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("filed by a separate process", JsonNode.Parse(run.Out)!["incident"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_cli_binary_reads_a_config_file()
    {
        var reporter = await Seed.UserAsync(server.Services, Roles.Reporter);
        var config = WriteFile("config.json", $$"""{"server": "{{server.Address}}", "token": "{{reporter.Token}}"}""");
        var run = await CliRun.ProcessAsync(new Dictionary<string, string> { ["VIGIL_CONFIG"] = config }, "report", "submit", WriteFile("cfg.json", Api.Report()));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("submission 1 (report) accepted", run.Out, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_files, recursive: true);
}
