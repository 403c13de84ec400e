using System.Text.Json.Nodes;
using Vigil.Cli;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Cli;

public sealed class RegimeCommandTests(RunningServer server) : IClassFixture<RunningServer>
{
    private static readonly string Regimes = RepositoryPaths.File("regimes");

    [Fact]
    public async Task Deadlines_prints_the_json_shape_the_issue_fixes_offline()
    {
        var run = await CliRun.InProcessAsync("deadlines", "--regime", "eu-nis2-art23", "--noticed", "2026-03-28T10:00:00+01:00", "--json", "--regimes", Regimes);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var sheet = JsonNode.Parse(run.Out)!.AsObject();
        Assert.Equal(["regime", "stages"], sheet.Select(p => p.Key));
        Assert.Equal("eu-nis2-art23", sheet["regime"]!.GetValue<string>());
        var stages = sheet["stages"]!.AsArray();
        Assert.Equal(["Early warning", "Incident notification", "Intermediate report on request", "Final report"], stages.Select(s => s!["stage"]!.GetValue<string>()));
        // 24 elapsed hours across the spring-forward night in Brussels end at 11:00 CEST.
        Assert.Equal("2026-03-29T11:00:00+02:00", stages[0]!["due"]!.GetValue<string>());
        Assert.Equal(["stage", "due", "basis"], stages[0]!.AsObject().Select(p => p.Key));
        Assert.Contains("24 hours after noticed", stages[0]!["basis"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(stages[2]!["due"]);
        Assert.Equal("a request from the authority", stages[2]!["waits_for"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_stage_whose_event_was_not_given_waits_for_it()
    {
        var run = await CliRun.InProcessAsync("deadlines", "--regime", "us-sec-8k-item-1.05", "--json", "--regimes", Regimes);
        var first = JsonNode.Parse(run.Out)!["stages"]![0]!;
        Assert.Null(first["due"]);
        Assert.Equal("materiality_determined", first["waits_for"]!.GetValue<string>());

        var sec = await CliRun.InProcessAsync("deadlines", "--regime", "us-sec-8k-item-1.05", "--materiality", "2026-07-02T16:00:00-04:00", "--regimes", Regimes);
        // Four business days after Thursday 2 July: Friday 3 July is the observed Independence Day holiday.
        Assert.Contains("due 2026-07-09T17:30:00-04:00", sec.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deadlines_refuses_an_unknown_regime_and_a_time_without_offset()
    {
        var unknown = await CliRun.InProcessAsync("deadlines", "--regime", "nis2", "--regimes", Regimes);
        Assert.Equal(ExitCodes.Rejected, unknown.ExitCode);
        Assert.Contains("eu-nis2-art23", unknown.Error, StringComparison.Ordinal);
        var badTime = await CliRun.InProcessAsync("deadlines", "--regime", "eu-nis2-art23", "--noticed", "2026-03-28 10:00", "--regimes", Regimes);
        Assert.Equal(ExitCodes.Usage, badTime.ExitCode);
        Assert.Contains("--noticed", badTime.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compliance_prints_a_summary_and_csv_from_the_server()
    {
        var reporter = await Seed.UserAsync(server.Services, Roles.Reporter);
        using var client = new HttpClient { BaseAddress = server.Address };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", reporter.Token);
        await client.FileAsync(Api.Report(extra: "\"regimes\": [\"in-cert-in-2022\"]"));
        string[] connection = ["--server", server.Address.ToString(), "--token", reporter.Token];

        var summary = await CliRun.InProcessAsync(["compliance", "--regime", "in-cert-in-2022", .. connection]);
        Assert.True(summary.ExitCode == ExitCodes.Ok, summary.ToString());
        Assert.Contains("under in-cert-in-2022: 1 incidents", summary.Out, StringComparison.Ordinal);

        var csv = await CliRun.InProcessAsync(["compliance", "--csv", "--org", reporter.OrganisationId!, .. connection]);
        Assert.Equal(ExitCodes.Ok, csv.ExitCode);
        Assert.StartsWith("organisation_id,organisation,regime,", csv.Out, StringComparison.Ordinal);
        Assert.Contains($"{reporter.OrganisationId},", csv.Out, StringComparison.Ordinal);

        var refused = await CliRun.InProcessAsync(["compliance", "--regime", "nis2", .. connection]);
        Assert.Equal(ExitCodes.Rejected, refused.ExitCode);
        Assert.Contains("regime:", refused.Error, StringComparison.Ordinal);
    }
}
