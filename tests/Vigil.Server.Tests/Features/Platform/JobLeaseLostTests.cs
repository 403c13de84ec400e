using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vigil.Server.Infrastructure.Scheduling;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Platform;

/// <summary>
/// Issue 15: a job's run must not go on after its process lost the job's lease (its PostgreSQL session killed, or the
/// server restarted), or two processes would run the job at once. The run under the lost lease stops, is recorded as
/// failed with why, and the next run takes the lease again.
/// </summary>
public sealed class JobLeaseLostTests(PostgresVigilFactory factory) : IClassFixture<PostgresVigilFactory>
{
    [Fact]
    public async Task A_run_whose_lease_is_lost_stops_is_recorded_as_failed_and_the_next_run_takes_the_lease_again()
    {
        var recorder = factory.Services.GetRequiredService<JobRunRecorder>();
        var job = "lost-" + Guid.NewGuid().ToString("N")[..8];
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = recorder.RunAsync(job, async ct =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
        }, CancellationToken.None);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await using (var outside = new NpgsqlConnection(factory.ConnectionString))
        {
            await outside.OpenAsync();
            await using var kill = new NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND classid::bigint = @class AND objid::bigint = @job AND granted", outside);
            kill.Parameters.AddWithValue("class", (long)PostgresJobLeases.ClassKey);
            kill.Parameters.AddWithValue("job", (long)JobLeases.Key(job));
            Assert.Equal(true, await kill.ExecuteScalarAsync());
        }
        // The server's clock is the test's: each second moved on is one check of the session holding the leases.
        for (var i = 0; i < 300 && !run.IsCompleted; i++)
        {
            factory.Clock.Advance(PostgresJobLeases.CheckEvery);
            await Task.Delay(100);
        }
        await run.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(JobRunRecorder.LeaseLost, recorder.Current()[job].LastError);

        var ranAgain = false;
        await recorder.RunAsync(job, _ => { ranAgain = true; return Task.CompletedTask; }, CancellationToken.None);
        Assert.True(ranAgain, "The next run did not take the lease again");
        Assert.Equal(JobRunRecorder.Succeeded, recorder.Current()[job].LastOutcome);
    }
}
