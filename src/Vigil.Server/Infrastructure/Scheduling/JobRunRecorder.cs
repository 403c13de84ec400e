using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;

namespace Vigil.Server.Infrastructure.Scheduling;

/// <summary>
/// Keeps the last run of each background job (one <see cref="JobRun"/> row per job, upserted by name) for the
/// administrator's jobs page. It writes in a scope of its own, apart from the job's work, and never lets a failure to
/// record stop the job: the run itself matters more than its note. A failure keeps the exception's type and a
/// shortened first line of its message, never more.
/// </summary>
public sealed partial class JobRunRecorder(IServiceScopeFactory scopes, TimeProvider clock, ILogger<JobRunRecorder> logger)
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";

    /// <summary>The longest message kept, as the column allows with the type before it.</summary>
    public const int MaxMessage = 200;

    /// <summary>The jobs Vigil runs, by the names they record under, in the order the jobs page lists them.</summary>
    public static readonly IReadOnlyList<string> Jobs =
        ["checkpoint-signer", "witness-cosigner", "reminders", "provider-scheduler", "upload-cleanup", "idempotency-pruner"];

    /// <summary>Runs <paramref name="run"/> once as job <paramref name="job"/>, recording its start and its end; an exception from the run is recorded, then thrown on.</summary>
    public async Task RunAsync(string job, Func<CancellationToken, Task> run, CancellationToken cancellationToken)
    {
        await NoteAsync(job, r =>
        {
            r.LastStartedAt = clock.GetUtcNow();
            r.LastFinishedAt = null;
            r.LastOutcome = Running;
            r.Runs++;
        }, cancellationToken);
        try
        {
            await run(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            await NoteAsync(job, r =>
            {
                r.LastFinishedAt = clock.GetUtcNow();
                r.LastOutcome = Failed;
                r.LastError = Describe(e);
                r.ConsecutiveFailures++;
            }, CancellationToken.None);
            throw;
        }
        await NoteAsync(job, r =>
        {
            var now = clock.GetUtcNow();
            r.LastFinishedAt = now;
            r.LastSucceededAt = now;
            r.LastOutcome = Succeeded;
            r.LastError = null;
            r.ConsecutiveFailures = 0;
        }, cancellationToken);
    }

    /// <summary>The exception's type and the first line of its message, cut short: enough to know what failed, too little to carry a secret far.</summary>
    public static string Describe(Exception e)
    {
        var message = (e.Message ?? "").Split('\n', 2)[0].Trim();
        if (message.Length > MaxMessage)
        {
            message = message[..MaxMessage] + "…";
        }
        return $"{e.GetType().Name}: {message}";
    }

    private async Task NoteAsync(string job, Action<JobRun> change, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
            var row = await db.JobRuns.SingleOrDefaultAsync(r => r.Job == job, cancellationToken);
            if (row is null)
            {
                row = new JobRun { Job = job, LastOutcome = Running, LastStartedAt = clock.GetUtcNow() };
                db.JobRuns.Add(row);
            }
            change(row);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogNotRecorded(logger, job, e);
        }
    }

    [LoggerMessage(EventId = 9100, Level = LogLevel.Warning, Message = "The run of job {Job} could not be recorded; the job goes on")]
    private static partial void LogNotRecorded(ILogger logger, string job, Exception exception);
}
