namespace Vigil.Server.Tests.Features.Platform;

/// <summary>
/// Issue 15, "Crash test", short form (5 kills; VIGIL_CRASH_KILLS sets more, as bench/crash.sh does): 16 reporters
/// submitting while the server is SIGKILLed at random moments, the first kill during the first start's migrations,
/// each restart at once on the same data. Nothing acknowledged is lost or stored twice, keyed retries are stored once,
/// every receipt handed out verifies and `vigil ledger audit` passes; on PostgreSQL with two processes on one
/// database, one killed at a time while the other keeps answering.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CrashTests : IDisposable
{
    private const int Clients = 16;

    private readonly string _directory = Directory.CreateTempSubdirectory("vigil-crash-").FullName;

    private static int Kills => int.TryParse(Environment.GetEnvironmentVariable("VIGIL_CRASH_KILLS"), out var kills) && kills > 0 ? kills : 5;

    [Fact]
    public async Task On_sqlite_nothing_acknowledged_is_lost_or_doubled_across_kills()
    {
        var run = new CrashRun(_directory, null, processes: 1, Kills, Clients);
        var summary = await run.RunAsync();
        summary.Report();
        Assert.True(run.Findings.Count == 0, summary + "\n" + string.Join('\n', run.Findings.Take(50)));
        Assert.True(summary.Acknowledged > 0, summary.ToString());
    }

    [Fact]
    public async Task On_postgres_with_two_processes_nothing_acknowledged_is_lost_or_doubled_and_the_survivor_keeps_serving()
    {
        await using var database = await ThrowawayPostgresDatabase.CreateAsync();
        var run = new CrashRun(_directory, database, processes: 2, Kills, Clients);
        var summary = await run.RunAsync();
        summary.Report();
        Assert.True(run.Findings.Count == 0, summary + "\n" + string.Join('\n', run.Findings.Take(50)));
        Assert.True(summary.Acknowledged > 0, summary.ToString());
    }

    public void Dispose()
    {
        Directory.Delete(_directory, recursive: true);
        if (Directory.Exists(_directory + "-keys"))
        {
            Directory.Delete(_directory + "-keys", recursive: true);
        }
    }
}
