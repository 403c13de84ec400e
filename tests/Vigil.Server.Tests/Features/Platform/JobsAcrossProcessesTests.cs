using System.Diagnostics;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Platform;

/// <summary>
/// Issue 15, "background jobs run exactly once across instances; a killed instance's work is taken over": two real
/// server processes on one database, every job on a one-second interval where its settings allow. Each job runs on
/// one of them only (each run logs the instance it ran on), and when that one is killed with SIGKILL the other takes
/// its jobs over within a few intervals.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public abstract class JobsAcrossProcessesTests
{
    /// <summary>One database at a time: four server processes starting at once on two cores take too long to start.</summary>
    public const string Collection = "Several server processes";

    /// <summary>The jobs whose interval can be one second (the checkpoint signer's is by default).</summary>
    private static readonly string[] EverySecond = ["checkpoint-signer", "reminders", "provider-scheduler"];

    private static readonly string[] ShortIntervals =
    [
        "--Reminders:Interval=00:00:01", "--Aggregation:Interval=00:00:01", "--Ledger:CheckpointInterval=00:00:01",
        "--Logging:LogLevel:Vigil.Server.Infrastructure.Scheduling.JobRunRecorder=Debug",
    ];

    private static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

    /// <summary>Runs the body with the server arguments and data directory of a database both processes share.</summary>
    protected abstract Task OnSharedDatabaseAsync(Func<string, string[], Task> body);

    [Fact]
    public Task Each_job_runs_on_one_process_and_a_killed_holders_jobs_are_taken_over() => OnSharedDatabaseAsync(async (directory, storage) =>
    {
        // Started together: they migrate one after the other, then race for the leases.
        await using var first = StartingServer.Start(directory, [.. storage, .. ShortIntervals]);
        await using var second = StartingServer.Start(directory, [.. storage, .. ShortIntervals]);
        var up = await Task.WhenAll(first.HealthyWithinAsync(TimeSpan.FromSeconds(50)), second.HealthyWithinAsync(TimeSpan.FromSeconds(50)));
        Assert.True(up[0] && up[1], $"Up: {up[0]} and {up[1]}. The first printed:\n{first.Printed}\nThe second printed:\n{second.Printed}");

        var (firstFrom, secondFrom) = (first.Lines.Count, second.Lines.Count);
        await Task.Delay(Window);
        foreach (var job in EverySecond)
        {
            var (onFirst, onSecond) = (Runs(first, job, firstFrom), Runs(second, job, secondFrom));
            Assert.True(onFirst == 0 || onSecond == 0, $"{job} ran on both processes within {Window.TotalSeconds} s: {onFirst} and {onSecond} times");
            // One run at each tick at most (a late tick is caught up once), never two.
            Assert.InRange(onFirst + onSecond, 1, (int)Window.TotalSeconds + 2);
        }
        // The upload clean-up runs at each start (then hourly): the second process found it held.
        Assert.True(Runs(first, "upload-cleanup", 0) == 0 || Runs(second, "upload-cleanup", 0) == 0, "upload-cleanup ran on both processes");

        // Killed, the first process's jobs (whichever it holds) go to the second, which keeps its own.
        await first.KillAsync();
        var killedAt = second.Lines.Count;
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(15) && EverySecond.Any(job => Runs(second, job, killedAt) < 2))
        {
            await Task.Delay(200);
        }
        foreach (var job in EverySecond)
        {
            Assert.True(Runs(second, job, killedAt) >= 2, $"{job} was not taken over by the second process:\n" + string.Join('\n', second.Lines.Skip(killedAt)));
        }
    });

    private static int Runs(StartingServer server, string job, int from) =>
        server.Lines.Skip(from).Count(line => line.Contains($"Job {job} runs on instance", StringComparison.Ordinal));
}

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
[Collection(JobsAcrossProcessesTests.Collection)]
public sealed class JobsAcrossProcessesOnSqliteTests : JobsAcrossProcessesTests
{
    protected override Task OnSharedDatabaseAsync(Func<string, string[], Task> body) => SharedAsync(body);

    /// <summary>One SQLite data directory for several server processes: the directory and the server arguments.</summary>
    internal static Task SharedAsync(Func<string, string[], Task> body) =>
        SharedStorage.OnSqliteFileAsync(storage => body(storage[0]["--Storage:DataDirectory=".Length..], storage));
}

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
[Collection(JobsAcrossProcessesTests.Collection)]
public sealed class JobsAcrossProcessesOnPostgresTests : JobsAcrossProcessesTests
{
    protected override Task OnSharedDatabaseAsync(Func<string, string[], Task> body) => SharedAsync(body);

    /// <summary>One PostgreSQL database for several server processes (each with a data directory of its own for the rest): the directory and the server arguments.</summary>
    internal static async Task SharedAsync(Func<string, string[], Task> body)
    {
        var directory = Directory.CreateTempSubdirectory("vigil-jobs-").FullName;
        try
        {
            await SharedStorage.OnPostgresAsync(storage => body(directory, storage));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
            if (Directory.Exists(directory + "-keys"))
            {
                Directory.Delete(directory + "-keys", recursive: true);
            }
        }
    }
}
