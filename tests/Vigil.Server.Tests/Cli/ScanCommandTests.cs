using System.Text.Json.Nodes;
using Vigil.Cli;
using Vigil.Cli.Commands;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Cli;

public sealed class ScanCommandTests : IDisposable
{
    private static readonly string Pegasus = RepositoryPaths.File("..", "shared", "data", "ioc", "pegasus", "pegasus.stix2");
    private readonly string _files = Directory.CreateTempSubdirectory("vigil-scan-").FullName;

    private string WriteFile(string name, string content)
    {
        var path = Path.Combine(_files, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private string InfectedLog() => WriteFile("logs/proxy.log", """
        2019-05-13T10:00:00Z GET http://user:secret@cdn.weather4free.com:8443/x 200
        2019-05-13T10:00:01Z query[A] weather4free.com.example.org from 10.0.0.1
        2019-05-13T10:00:02Z mail from AmelieHaggart@gmail.com
        """);

    [Fact]
    public async Task Hits_are_printed_with_where_what_which_indicator_and_collection_and_exit_1()
    {
        var run = await CliRun.InProcessAsync("scan", "--iocs", Pegasus, "--threads", "1", InfectedLog());

        Assert.True(run.ExitCode == ScanCommand.Hits, run.ToString());
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith($"HIT {Path.Combine(_files, "logs", "proxy.log")} line 1: url 'http://user:secret@cdn.weather4free.com:8443/x' matches [domain-name:value='weather4free.com'] (Pegasus; indicator--", lines[0], StringComparison.Ordinal);
        Assert.Contains("line 3: email 'AmelieHaggart@gmail.com' matches [email-addr:value='ameliehaggart@gmail.com'] (Pegasus;", lines[1], StringComparison.Ordinal);
        Assert.Equal("Scanned 1 artefacts against 1,549 indicators (1,549 matchable): 2 hits of 2 indicators.", lines[2]);
    }

    [Fact]
    public async Task Json_lines_hold_one_hit_each_and_the_summary_goes_to_standard_error()
    {
        var run = await CliRun.InProcessAsync("scan", "--json", "--iocs", Pegasus, InfectedLog());

        Assert.Equal(ScanCommand.Hits, run.ExitCode);
        var hits = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!.AsObject()).ToList();
        Assert.Equal(2, hits.Count);
        var first = hits[0];
        Assert.Equal(
            ["artefact", "section", "unit", "number", "kind", "observed", "indicator_id", "indicator_name", "pattern", "collections"],
            first.Select(p => p.Key));
        Assert.Equal("line", first["unit"]!.GetValue<string>());
        Assert.Equal(1, first["number"]!.GetValue<long>());
        Assert.Equal("url", first["kind"]!.GetValue<string>());
        Assert.Equal("Pegasus", first["collections"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("malware", first["collections"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("email", hits[1]["kind"]!.GetValue<string>());
        Assert.Contains("2 hits of 2 indicators", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clean_folder_exits_0()
    {
        WriteFile("clean/a.log", "notweather4free.com and weather4free.com.example.org are decoys\n");
        WriteFile("clean/b.jsonl", """{"host": "example.org"}""");

        var run = await CliRun.InProcessAsync("scan", "--iocs", Pegasus, Path.Combine(_files, "clean"));

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Equal("Scanned 2 artefacts against 1,549 indicators (1,549 matchable): no hits.", run.Out.Trim());
    }

    [Theory]
    [InlineData("--threads", "0")]
    [InlineData("--no-such-option")]
    public async Task A_wrong_command_line_exits_2(params string[] wrong)
    {
        var run = await CliRun.InProcessAsync(["scan", "--iocs", Pegasus, .. wrong, InfectedLog()]);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
    }

    [Fact]
    public async Task Missing_paths_and_missing_indicators_are_usage_errors()
    {
        var missingPath = await CliRun.InProcessAsync("scan", "--iocs", Pegasus, Path.Combine(_files, "nothing-here"));
        Assert.Equal(ExitCodes.Usage, missingPath.ExitCode);
        Assert.Contains("no such file or folder", missingPath.Error, StringComparison.Ordinal);

        var noIocs = await CliRun.InProcessAsync("scan", InfectedLog());
        Assert.Equal(ExitCodes.Usage, noIocs.ExitCode);
    }

    [Fact]
    public async Task An_indicator_file_that_is_not_a_bundle_exits_4_and_unsupported_indicators_are_named()
    {
        var notBundle = await CliRun.InProcessAsync("scan", "--iocs", WriteFile("iocs/bad.json", "[]"), InfectedLog());
        Assert.Equal(ExitCodes.LocalFile, notBundle.ExitCode);
        Assert.Contains("Cannot read the indicators", notBundle.Error, StringComparison.Ordinal);

        var bundle = WriteFile("iocs/followed.json", """
            {"type": "bundle", "id": "bundle--6f7b4c9e-2f8a-4a57-9d0a-1b2c3d4e5f60", "objects": [
              {"type": "indicator", "spec_version": "2.1", "id": "indicator--0c9b6a1e-1d2f-4e3a-8b4c-5d6e7f809101",
               "created": "2019-05-13T00:00:00Z", "modified": "2019-05-13T00:00:00Z", "valid_from": "2019-05-13T00:00:00Z",
               "pattern_type": "stix", "pattern": "[domain-name:value = 'a.example'] FOLLOWEDBY [domain-name:value = 'b.example']"}]}
            """);
        var run = await CliRun.InProcessAsync("scan", "--iocs", bundle, InfectedLog());
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("indicator--0c9b6a1e-1d2f-4e3a-8b4c-5d6e7f809101 cannot be matched in full: FOLLOWEDBY", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task As_a_process_with_redirected_error_there_is_no_progress_bar()
    {
        var run = await CliRun.ProcessAsync(null, "scan", "--iocs", Pegasus, InfectedLog());

        Assert.True(run.ExitCode == ScanCommand.Hits, run.ToString());
        Assert.DoesNotContain('\r', run.Error);
        Assert.Equal(3, run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    public void Dispose() => Directory.Delete(_files, recursive: true);
}
