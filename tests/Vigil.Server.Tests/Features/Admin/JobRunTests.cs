using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Data;
using Vigil.Server.Infrastructure.Scheduling;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Admin;

/// <summary>
/// Each background job's last run is kept (one row per job) and shown on /admin/jobs: a run that succeeds, a run that
/// fails with its error's type and a shortened message, the failures in a row, and the count of runs.
/// </summary>
public sealed class JobRunTests(VigilFactory factory) : IClassFixture<VigilFactory>
{
    [Fact]
    public async Task A_run_and_a_failing_run_are_recorded_and_shown()
    {
        var recorder = factory.Services.GetRequiredService<JobRunRecorder>();
        var job = "test-" + Guid.NewGuid().ToString("N")[..8];

        await recorder.RunAsync(job, _ => Task.CompletedTask, CancellationToken.None);
        var succeeded = await RowAsync(job);
        Assert.Equal(JobRunRecorder.Succeeded, succeeded.LastOutcome);
        Assert.Equal(1, succeeded.Runs);
        Assert.Equal(0, succeeded.ConsecutiveFailures);
        Assert.NotNull(succeeded.LastFinishedAt);
        Assert.Equal(succeeded.LastFinishedAt, succeeded.LastSucceededAt);

        var longMessage = "the witness did not answer\n" + new string('x', 5_000);
        for (var i = 0; i < 2; i++)
        {
            await Assert.ThrowsAsync<TimeoutException>(() => recorder.RunAsync(job, _ => throw new TimeoutException(longMessage), CancellationToken.None));
        }
        var failed = await RowAsync(job);
        Assert.Equal(JobRunRecorder.Failed, failed.LastOutcome);
        Assert.Equal(3, failed.Runs);
        Assert.Equal(2, failed.ConsecutiveFailures);
        Assert.Equal("TimeoutException: the witness did not answer", failed.LastError);
        Assert.Equal(succeeded.LastSucceededAt, failed.LastSucceededAt);

        var admin = await factory.CreateActorAsync(Roles.Admin);
        var pages = await PageReader.SignInAsync(factory, admin.Token);
        var (response, html) = await pages.GetAsync("/admin/jobs");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"id=\"job-{job}\"", html, StringComparison.Ordinal);
        Assert.Contains("TimeoutException: the witness did not answer", html, StringComparison.Ordinal);
        Assert.Contains(AdminPageTests.Say("en", "Outcome_failed"), html, StringComparison.Ordinal);
        // Issue 15: with several server processes on one database, the page names the one running each job (this one here).
        await recorder.RunAsync("checkpoint-signer", _ => Task.CompletedTask, CancellationToken.None);
        (_, html) = await pages.GetAsync("/admin/jobs");
        var row = html[html.IndexOf("id=\"job-checkpoint-signer\"", StringComparison.Ordinal)..];
        Assert.Contains(JobRunRecorder.Instance, row[..row.IndexOf("</tr>", StringComparison.Ordinal)], StringComparison.Ordinal);

        await recorder.RunAsync(job, _ => Task.CompletedTask, CancellationToken.None);
        var again = await RowAsync(job);
        Assert.Equal(0, again.ConsecutiveFailures);
        Assert.Null(again.LastError);
    }

    [Fact]
    public async Task A_job_that_keeps_succeeding_is_written_once_a_minute_and_shown_as_it_stands()
    {
        var recorder = factory.Services.GetRequiredService<JobRunRecorder>();
        var job = "quiet-" + Guid.NewGuid().ToString("N")[..8];
        await recorder.RunAsync(job, _ => Task.CompletedTask, CancellationToken.None);
        for (var i = 0; i < 5; i++)
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
            await recorder.RunAsync(job, _ => Task.CompletedTask, CancellationToken.None);
        }
        // Stored: the first run only; held in memory (what the page shows): all six.
        Assert.Equal(1, (await RowAsync(job)).Runs);
        Assert.Equal(6, recorder.Current()[job].Runs);

        factory.Clock.Advance(JobRunRecorder.QuietWriteInterval);
        await recorder.RunAsync(job, _ => Task.CompletedTask, CancellationToken.None);
        Assert.Equal(7, (await RowAsync(job)).Runs);
    }

    [Fact]
    public void A_failure_keeps_the_type_and_a_shortened_first_line_only()
    {
        var described = JobRunRecorder.Describe(new InvalidOperationException(new string('y', 1_000) + "\nsecond line"));

        Assert.StartsWith("InvalidOperationException: yyy", described, StringComparison.Ordinal);
        Assert.DoesNotContain("second line", described, StringComparison.Ordinal);
        Assert.True(described.Length <= 500, "fits the column");
    }

    [Fact]
    public async Task The_servers_own_jobs_record_their_runs()
    {
        // The checkpoint signer runs at start and at each tick of the server's clock.
        factory.CreateClient();
        for (var i = 0; i < 200 && !await HasRunAsync("checkpoint-signer"); i++)
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(25);
        }
        Assert.True(await HasRunAsync("checkpoint-signer"), "the checkpoint signer recorded a run");
    }

    private async Task<bool> HasRunAsync(string job)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VigilDbContext>().JobRuns.AnyAsync(r => r.Job == job && r.Runs > 0);
    }

    private async Task<Vigil.Data.Entities.JobRun> RowAsync(string job)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VigilDbContext>().JobRuns.AsNoTracking().SingleAsync(r => r.Job == job);
    }
}
