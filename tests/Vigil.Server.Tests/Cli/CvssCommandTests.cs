using System.Text.Json.Nodes;
using Vigil.Cli;

namespace Vigil.Server.Tests.Cli;

public sealed class CvssCommandTests
{
    [Fact]
    public async Task Scores_the_2019_vulnerability_as_critical()
    {
        // CVE-2019-3568 as the CVE record gives it (../shared/data/examples/cve-2019-3568.facts.json).
        var run = await CliRun.InProcessAsync("cvss", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("score    9.8 CRITICAL", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_output_carries_version_score_and_severity()
    {
        var run = await CliRun.InProcessAsync("cvss", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "--json");
        var json = JsonNode.Parse(run.Out)!;
        Assert.Equal("4.0", json["version"]!.GetValue<string>());
        Assert.Equal(9.3, json["score"]!.GetValue<double>());
        Assert.Equal("CRITICAL", json["severity"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_incomplete_vector_exits_1_naming_the_metric()
    {
        var run = await CliRun.InProcessAsync("cvss", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H");
        Assert.Equal(ExitCodes.Rejected, run.ExitCode);
        Assert.Contains("Invalid vector: A:", run.Error, StringComparison.Ordinal);
    }
}
