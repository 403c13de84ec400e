using System.Text.Json.Nodes;
using Vigil.Cli;
using Vigil.Cli.Commands;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Advisories;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Cli.ClientEdition;

/// <summary>
/// Issue 17: the client edition of `vigil` carries neither ASP.NET Core nor the server, and its offline commands work
/// there on real inputs with their usual output and exit codes; the server's commands say this build has none.
/// </summary>
public sealed class ClientEditionTests(ClientEditionBuild client, VigilFactory factory) : IClassFixture<ClientEditionBuild>, IClassFixture<VigilFactory>, IDisposable
{
    private static readonly string Pegasus = RepositoryPaths.File("..", "shared", "data", "ioc", "pegasus", "pegasus.stix2");
    private readonly string _files = Directory.CreateTempSubdirectory("vigil-client-").FullName;

    private string Write(string name, string text)
    {
        var path = Path.Combine(_files, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Its_output_has_neither_the_server_nor_ASP_NET_Core()
    {
        var files = Directory.GetFiles(client.Directory).Select(Path.GetFileName).ToList();
        Assert.Contains("vigil.dll", files);
        Assert.Contains("Vigil.Ledger.dll", files);
        Assert.DoesNotContain("Vigil.Server.dll", files);
        Assert.DoesNotContain("Vigil.Data.dll", files);
        Assert.DoesNotContain(files, f => f!.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal));
        Assert.DoesNotContain("Microsoft.AspNetCore", File.ReadAllText(Path.Combine(client.Directory, "vigil.deps.json")), StringComparison.Ordinal);
        var frameworks = JsonNode.Parse(File.ReadAllText(Path.Combine(client.Directory, "vigil.runtimeconfig.json")))!["runtimeOptions"]!;
        Assert.Equal("Microsoft.NETCore.App", frameworks["framework"]!["name"]!.GetValue<string>());
        Assert.Null(frameworks["frameworks"]);
    }

    [Fact]
    public async Task Scan_finds_the_Pegasus_indicators_and_exits_1()
    {
        var log = Write("proxy.log", "2019-05-13T10:00:00Z GET http://cdn.weather4free.com/x 200\n2019-05-13T10:00:02Z mail from AmelieHaggart@gmail.com\n");

        var run = await client.RunAsync(_files, "scan", "--iocs", Pegasus, log);

        Assert.True(run.ExitCode == ScanCommand.Hits, run.ToString());
        Assert.StartsWith($"HIT {log} line 1: url 'http://cdn.weather4free.com/x' matches [domain-name:value='weather4free.com'] (Pegasus; indicator--", run.Out, StringComparison.Ordinal);
        Assert.EndsWith("Scanned 1 artefacts against 1,549 indicators (1,549 matchable): 2 hits of 2 indicators.\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_proves_a_receipt_the_server_gave_and_refuses_other_content()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var body = Api.Report("verified by the client edition");
        var answer = Write("report.receipt.json", (await (await reporter.Client.PostJsonAsync("/api/v1/incidents", body)).JsonAsync()).ToJsonString());
        var key = (await factory.CreateClient().GetStringAsync("/ledger/key")).Split('\n')[0];

        var holds = await client.RunAsync(_files, "verify", answer, "--key", key, "--content", Write("report.json", body));
        var altered = await client.RunAsync(_files, "verify", answer, "--key", key, "--content", Write("other.json", Api.Report("something else")));

        Assert.True(holds.ExitCode == ExitCodes.Ok, holds.ToString());
        Assert.StartsWith("OK: ", holds.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Rejected, altered.ExitCode);
        Assert.StartsWith("FAILED: ", altered.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deadlines_come_from_the_regimes_built_in_when_no_directory_is_at_hand()
    {
        string[] noticed = ["deadlines", "--regime", "in-cert-in-2022", "--noticed", "2026-11-29T09:00:00+05:30", "--json"];

        var builtIn = await client.RunAsync(_files, noticed);
        var fromRepository = await client.RunAsync(_files, [.. noticed, "--regimes", RepositoryPaths.File("regimes")]);
        var unknown = await client.RunAsync(_files, "deadlines", "--regime", "nis2");

        Assert.True(builtIn.ExitCode == ExitCodes.Ok, builtIn.ToString());
        Assert.Equal("2026-11-29T15:00:00+05:30", JsonNode.Parse(builtIn.Out)!["stages"]![0]!["due"]!.GetValue<string>());
        Assert.Equal(fromRepository.Out, builtIn.Out);
        Assert.Equal(ExitCodes.Rejected, unknown.ExitCode);
        Assert.Contains("in-cert-in-2022", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cvss_scores_a_vector()
    {
        var run = await client.RunAsync(_files, "cvss", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
        var incomplete = await client.RunAsync(_files, "cvss", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("score    9.8 CRITICAL", run.Out, StringComparison.Ordinal);
        Assert.NotEqual(ExitCodes.Ok, incomplete.ExitCode);
    }

    [Fact]
    public async Task Advisory_check_passes_the_official_examples_and_names_the_failed_tests_of_a_broken_one()
    {
        var examples = await client.RunAsync(_files, ["advisory", "check", .. CsafFiles.OfficialExamples]);
        var broken = await client.RunAsync(_files, "advisory", "check", CsafFiles.Broken("6.1.20"));

        Assert.True(examples.ExitCode == ExitCodes.Ok, examples.ToString());
        Assert.Equal(CsafFiles.OfficialExamples.Count, examples.Out.Split('\n').Count(l => l.EndsWith(": valid", StringComparison.Ordinal)));
        Assert.Equal(ExitCodes.Rejected, broken.ExitCode);
        Assert.Contains("6.1.20.json: 6.1.20 /document/tracking/version", broken.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ioc_convert_turns_the_Pegasus_indicators_into_STIX_and_scan_reads_them_alike()
    {
        var run = await client.RunAsync(_files, "ioc", "convert", Pegasus);
        var log = Write("dns.log", "query[A] weather4free.com from 10.0.0.1\n");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Equal("bundle", JsonNode.Parse(run.Out)!["type"]!.GetValue<string>());
        var converted = await client.RunAsync(_files, "scan", "--iocs", Write("pegasus.json", run.Out), log);
        Assert.Equal(ScanCommand.Hits, converted.ExitCode);
        Assert.Contains("1,549 indicators", converted.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("serve", "--urls", "http://127.0.0.1:0")]
    [InlineData("admin", "init", "--email", "admin@cert.example.org")]
    [InlineData("ledger", "audit")]
    [InlineData("witness", "serve", "--key", "witness.key")]
    public async Task A_server_command_says_this_build_has_no_server_and_exits_7(params string[] args)
    {
        var run = await client.RunAsync(_files, args);

        Assert.Equal(ExitCodes.NotInThisBuild, run.ExitCode);
        Assert.Contains("client edition of vigil, which has no server", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_files));
    }

    public void Dispose() => Directory.Delete(_files, recursive: true);
}
