using System.Text;
using System.Text.Json.Nodes;
using Vigil.Cli;
using Vigil.Cli.Commands;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Cli.AsProcess;

/// <summary>
/// Issue 17: the built `vigil`, run as a process with its output redirected, for the groups that need no server:
/// scoring, scanning, indicator files, deadlines, the local database and shell completion.
/// </summary>
public sealed class CliProcessOfflineTests : IDisposable
{
    private static readonly string Pegasus = RepositoryPaths.File("..", "shared", "data", "ioc", "pegasus", "pegasus.stix2");
    private readonly string _files = Directory.CreateTempSubdirectory("vigil-cli-process-offline-").FullName;

    [Fact]
    [CoversGroup("cvss")]
    public async Task Cvss_scores_a_vector_as_json_and_names_the_metric_that_makes_one_invalid()
    {
        var scored = VigilProcess.Json(await VigilProcess.RunAsync("cvss", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "--json"));
        Assert.Equal((9.8, "CRITICAL"), (scored["score"]!.GetValue<double>(), scored["severity"]!.GetValue<string>()));
        VigilProcess.Failed(await VigilProcess.RunAsync("cvss", "CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"), ExitCodes.Rejected);
    }

    [Fact]
    [CoversGroup("scan")]
    public async Task Scan_over_many_files_writes_one_json_hit_a_line_and_draws_no_progress_on_a_redirected_error()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_files, "logs")).FullName;
        var filler = string.Concat(Enumerable.Range(0, 200).Select(i => $"2019-05-13T10:00:{i % 60:00}Z GET http://intranet.example.org/page/{i} 200\n"));
        for (var file = 0; file < 150; file++)
        {
            var hit = file % 50 == 7 ? "2019-05-13T11:00:00Z query[A] weather4free.com from 10.0.0.1\n" : "";
            File.WriteAllText(Path.Combine(folder, $"proxy-{file:000}.log"), filler + hit + filler);
        }

        var run = await VigilProcess.RunAsync("scan", "--json", "--iocs", Pegasus, folder);
        Assert.True(run.ExitCode == ScanCommand.Hits, run.ToString());
        var hits = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!.AsObject()).ToList();
        Assert.Equal(3, hits.Count);
        Assert.All(hits, hit => Assert.Equal(("domain", "weather4free.com", 201L),
            (hit["kind"]!.GetValue<string>(), hit["observed"]!.GetValue<string>(), hit["number"]!.GetValue<long>())));
        VigilProcess.NoProgress(run);

        var clean = Directory.CreateDirectory(Path.Combine(_files, "clean")).FullName;
        File.WriteAllText(Path.Combine(clean, "quiet.log"), filler);
        var nothing = await VigilProcess.RunAsync("scan", "--iocs", Pegasus, clean);
        Assert.True(nothing.ExitCode == ExitCodes.Ok, nothing.ToString());
        VigilProcess.Failed(await VigilProcess.RunAsync("scan", clean), ExitCodes.Usage);
    }

    [Fact]
    [CoversGroup("ioc")]
    public async Task Ioc_convert_writes_a_bundle_that_parses_and_a_missing_file_exits_4()
    {
        var bundle = VigilProcess.Json(await VigilProcess.RunAsync("ioc", "convert", "--to", "stix", Pegasus));
        Assert.Equal("bundle", bundle["type"]!.GetValue<string>());
        Assert.Contains(bundle["objects"]!.AsArray(), o => o!["type"]!.GetValue<string>() == "indicator");
        VigilProcess.Failed(await VigilProcess.RunAsync("ioc", "convert", Path.Combine(_files, "none.stix2")), ExitCodes.LocalFile);
    }

    [Fact]
    [CoversGroup("deadlines")]
    public async Task Deadlines_prints_each_stage_as_json_and_names_the_regimes_there_are_for_an_unknown_one()
    {
        string[] regimes = ["--regimes", RepositoryPaths.File("regimes")];
        var sheet = VigilProcess.Json(await VigilProcess.RunAsync(["deadlines", "--regime", "eu-nis2-art23", "--noticed", "2026-11-29T09:00:00+05:30", "--json", .. regimes]));
        Assert.Equal("eu-nis2-art23", sheet["regime"]!.GetValue<string>());
        Assert.Contains(sheet["stages"]!.AsArray(), s => s!["due"]?.GetValue<string>() is not null);
        var unknown = VigilProcess.Failed(await VigilProcess.RunAsync(["deadlines", "--regime", "no-such-regime", .. regimes]), ExitCodes.Rejected);
        Assert.Contains("eu-nis2-art23", unknown.Error, StringComparison.Ordinal);
        VigilProcess.Failed(await VigilProcess.RunAsync(["deadlines", "--regime", "eu-nis2-art23", "--noticed", "tomorrow", .. regimes]), ExitCodes.Usage);
    }

    [Fact]
    [CoversGroup("db")]
    public async Task Db_migrate_creates_a_database_and_an_unknown_command_is_a_usage_error()
    {
        var directory = Path.Combine(_files, "db");
        var first = await VigilProcess.RunAsync("db", "migrate", $"--Storage:DataDirectory={directory}");
        Assert.True(first.ExitCode == ExitCodes.Ok, first.ToString());
        Assert.Contains("Applied to the sqlite database: ", first.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(directory, "vigil.db")));
        VigilProcess.Failed(await VigilProcess.RunAsync("db", "no-such-command"), ExitCodes.Usage);
    }

    [Fact]
    [CoversGroup("completion")]
    public async Task Completion_prints_a_bash_script_and_refuses_another_shell()
    {
        var script = await VigilProcess.RunAsync("completion", "bash");
        Assert.True(script.ExitCode == ExitCodes.Ok, script.ToString());
        Assert.Contains("complete ", script.Out, StringComparison.Ordinal);
        Assert.Equal("", script.Error);
        VigilProcess.Failed(await VigilProcess.RunAsync("completion", "fish"), ExitCodes.Usage);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_files, recursive: true);
    }
}
