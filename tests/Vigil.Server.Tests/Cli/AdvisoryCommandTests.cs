using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Vigil.Cli;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Advisories;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Cli;

public sealed class AdvisoryCommandTests(RunningServer server) : IClassFixture<RunningServer>
{
    [Fact]
    public async Task Check_passes_the_official_examples_offline_and_exits_0()
    {
        var run = await CliRun.InProcessAsync(["advisory", "check", .. CsafFiles.OfficialExamples]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Equal(CsafFiles.OfficialExamples.Count, run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.EndsWith(": valid", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Check_prints_one_line_per_failed_test_with_number_and_path_and_exits_1()
    {
        var run = await CliRun.InProcessAsync(["advisory", "check", CsafFiles.Broken("valid"), CsafFiles.Broken("6.1.20")]);

        Assert.Equal(ExitCodes.Rejected, run.ExitCode);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["valid.json: valid",
            "6.1.20.json: 6.1.16 /document/tracking/version",
            "6.1.20.json: 6.1.17 /document/tracking/status",
            "6.1.20.json: 6.1.20 /document/tracking/version"],
            lines.Select(l => l.Split(':')[0] + (l.Contains(": valid", StringComparison.Ordinal) ? ": valid" : ":" + l.Split(':')[1])));
    }

    [Fact]
    public async Task Check_exits_4_for_a_file_it_cannot_read()
    {
        var run = await CliRun.InProcessAsync(["advisory", "check", Path.Combine(Path.GetTempPath(), "no-such-csaf-document.json")]);

        Assert.Equal(ExitCodes.LocalFile, run.ExitCode);
    }

    [Fact]
    public async Task Import_stores_a_document_byte_exact_and_names_its_publisher()
    {
        var analyst = await Seed.UserAsync(server.Services, Roles.Analyst);
        var file = CsafFiles.OfficialExamples.Single(f => f.EndsWith("bsi-2022-0001.json", StringComparison.Ordinal));

        var run = await CliRun.InProcessAsync(["advisory", "import", file, "--server", server.Address.ToString(), "--token", analyst.Token]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("published by Bundesamt für Sicherheit in der Informationstechnik (coordinator", run.Out, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.Contains("sha256 " + Convert.ToHexStringLower(SHA256.HashData(bytes)), run.Out, StringComparison.Ordinal);
        using var client = RunningServerClient(analyst.Token);
        var list = JsonNode.Parse(await client.GetStringAsync("/api/v1/advisories"))!.AsArray();
        var id = list.Single(a => a!["tracking_id"]!.GetValue<string>() == "BSI-2022-0001")!["id"]!.GetValue<long>();
        Assert.Equal(bytes, await client.GetByteArrayAsync($"/api/v1/advisories/{id}/document"));
    }

    [Fact]
    public async Task Import_of_a_broken_document_exits_1_naming_the_test_and_path()
    {
        var analyst = await Seed.UserAsync(server.Services, Roles.Analyst);

        var run = await CliRun.InProcessAsync(["advisory", "import", CsafFiles.Broken("6.1.7"), "--server", server.Address.ToString(), "--token", analyst.Token]);

        Assert.Equal(ExitCodes.Rejected, run.ExitCode);
        Assert.Contains("  6.1.7 /vulnerabilities/0/scores/1: ", run.Error, StringComparison.Ordinal);
    }

    private HttpClient RunningServerClient(string token)
    {
        var client = new HttpClient { BaseAddress = server.Address };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
