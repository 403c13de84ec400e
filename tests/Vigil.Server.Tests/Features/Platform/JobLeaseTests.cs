using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Vigil.Server.Infrastructure.Scheduling;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Platform;

/// <summary>
/// Issue 15, background jobs run once across server processes: the lease a process holds to run a job. Two leases on
/// one job, one wins; the holder's session or file closed, the other wins; on PostgreSQL a holder whose session is
/// killed from outside learns it lost the lease (its runs stop) and does not get it back while the other holds it.
/// </summary>
public sealed class JobLeaseTests
{
    private const string Job = "reminders";

    [Fact]
    public void The_known_jobs_have_distinct_lock_keys() =>
        Assert.Equal(JobRunRecorder.Jobs.Count, JobRunRecorder.Jobs.Select(JobLeases.Key).Distinct().Count());

    [Fact]
    public Task On_sqlite_one_of_two_wins_and_the_other_wins_once_the_holder_lets_go() =>
        SharedStorage.OnSqliteFileAsync(async storage =>
        {
            var file = Path.Combine(storage[0]["--Storage:DataDirectory=".Length..], "vigil.db");
            await using var first = new SqliteJobLeases(file);
            await using var second = new SqliteJobLeases(file);
            await OneWinsThenTheOtherAsync(first, second, () => first.DisposeAsync().AsTask());
            Assert.Equal(JobRunRecorder.Instance, (await second.HoldersAsync(CancellationToken.None))[Job]);
        });

    [Fact]
    public Task On_postgres_one_of_two_wins_and_the_other_wins_once_the_holder_lets_go() =>
        SharedStorage.OnPostgresAsync(async storage =>
        {
            await using var first = Postgres(storage);
            await using var second = Postgres(storage);
            await OneWinsThenTheOtherAsync(first, second, () => first.DisposeAsync().AsTask());
        });

    // A lost session (PostgreSQL restarted, the connection killed) must not leave two processes running one job.
    [Fact]
    public Task On_postgres_a_holder_whose_session_is_killed_loses_the_lease_to_the_other() =>
        SharedStorage.OnPostgresAsync(async storage =>
        {
            await using var first = Postgres(storage);
            await using var second = Postgres(storage);
            var held = await first.HoldAsync(Job, CancellationToken.None);
            Assert.NotNull(held);
            Assert.Equal(JobRunRecorder.Instance, (await second.HoldersAsync(CancellationToken.None))[Job]);

            await using (var outside = new NpgsqlConnection(ConnectionString(storage)))
            {
                await outside.OpenAsync();
                await using var kill = new NpgsqlCommand(
                    "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND classid::bigint = @class AND objid::bigint = @job AND granted", outside);
                kill.Parameters.AddWithValue("class", (long)PostgresJobLeases.ClassKey);
                kill.Parameters.AddWithValue("job", (long)JobLeases.Key(Job));
                Assert.Equal(true, await kill.ExecuteScalarAsync());
            }
            // The holder's own check finds the session gone and stops the runs under the lease.
            await Task.Delay(Timeout.Infinite, held.Lost).ContinueWith(_ => { }, TaskScheduler.Default).WaitAsync(TimeSpan.FromSeconds(30));

            Assert.NotNull(await second.HoldAsync(Job, CancellationToken.None));
            Assert.Null(await first.HoldAsync(Job, CancellationToken.None));
        });

    private static async Task OneWinsThenTheOtherAsync(JobLeases first, JobLeases second, Func<Task> firstLetsGo)
    {
        var taken = await first.HoldAsync(Job, CancellationToken.None);
        Assert.True(taken is { Taken: true }, "The first could not take a free lease");
        Assert.Null(await second.HoldAsync(Job, CancellationToken.None));
        // The holder keeps it from run to run; another job's lease is another lock.
        Assert.True(await first.HoldAsync(Job, CancellationToken.None) is { Taken: false });
        Assert.NotNull(await second.HoldAsync("upload-cleanup", CancellationToken.None));

        await firstLetsGo();
        Assert.True(await second.HoldAsync(Job, CancellationToken.None) is { Taken: true }, "The other did not take the lease once the holder let go");
    }

    private static string ConnectionString(string[] storage) =>
        storage.Single(a => a.StartsWith("--Storage:ConnectionString=", StringComparison.Ordinal))["--Storage:ConnectionString=".Length..];

    private static PostgresJobLeases Postgres(string[] storage) =>
        new(ConnectionString(storage), TimeProvider.System, NullLogger<PostgresJobLeases>.Instance);
}
