using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;

namespace Vigil.Server.Infrastructure.Scheduling;

/// <summary>
/// Keeps the last run of each background job (one <see cref="JobRun"/> row per job, upserted by name) for the
/// administrator's jobs page. It writes in a scope of its own, apart from the job's work, and never lets a failure to
/// record stop the job: the run itself matters more than its note. A failure keeps the exception's type and a
/// shortened first line of its message, never more.
/// <para>
/// The latest state of each job is held in memory (<see cref="Current"/>, what the jobs page shows) and written to the
/// database only when it says something new: a job's first run in this process, every failure, a change of outcome,
/// and otherwise at most once per <see cref="QuietWriteInterval"/>. The checkpoint signer runs every second; writing
/// each of its runs would put two writes a second on the database's single writer for nothing a reader needs.
/// </para>
/// <para>
/// Every job runs here, and only under its lease (<see cref="JobLeases"/>): with several server processes on one
/// database, each job runs in one of them at a time, and its row is written by that one.
/// </para>
/// </summary>
public sealed partial class JobRunRecorder(
    IServiceScopeFactory scopes, JobLeases leases, Storage.StorageFullEpisode storageFull, TimeProvider clock, ILogger<JobRunRecorder> logger)
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";

    /// <summary>What a run stopped because its lease was lost records as its error.</summary>
    public const string LeaseLost = "JobLeaseLost: the database session holding this job's lease was lost during the run; the run stopped";

    /// <summary>The longest message kept, as the column allows with the type before it.</summary>
    public const int MaxMessage = 200;

    /// <summary>How long a job that keeps succeeding goes without its row being written again.</summary>
    public static readonly TimeSpan QuietWriteInterval = TimeSpan.FromMinutes(1);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Held> _held = new(StringComparer.Ordinal);

    /// <summary>A job's latest state in this process and when (and with which outcome) its row was last written.</summary>
    private sealed class Held
    {
        public JobRun? State { get; set; }
        public DateTimeOffset? WrittenAt { get; set; }
        public string? WrittenOutcome { get; set; }
    }

    /// <summary>This process as the jobs page and the log name it when several share one database: host name and process id.</summary>
    public static readonly string Instance = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>The jobs Vigil runs, by the names they record under, in the order the jobs page lists them.</summary>
    public static readonly IReadOnlyList<string> Jobs =
        ["checkpoint-signer", "witness-cosigner", "reminders", "provider-scheduler", "upload-cleanup", "idempotency-pruner",
        "subscription-defaults", "notification-digests"];

    /// <summary>
    /// Runs <paramref name="run"/> once as job <paramref name="job"/> if this process holds the job's lease (or takes
    /// it now; otherwise another process runs the job and this does nothing), recording its start and its end. An
    /// exception from the run is recorded, then thrown on; a run stopped because its lease was lost is recorded as
    /// failed and ends quietly, the next run taking the lease again if it can.
    /// </summary>
    public async Task RunAsync(string job, Func<CancellationToken, Task> run, CancellationToken cancellationToken)
    {
        if (await leases.HoldAsync(job, cancellationToken) is not { } lease)
        {
            return;
        }
        var held = _held.GetOrAdd(job, _ => new Held());
        if (lease.Taken)
        {
            // Another process may have run the job since this one last did: start again from its stored row.
            LogTaken(logger, job, Instance);
            held.State = null;
            held.WrittenAt = null;
        }
        await LoadAsync(job, held, cancellationToken);
        LogRunning(logger, job, Instance);
        Change(held, r =>
        {
            r.LastStartedAt = clock.GetUtcNow();
            r.LastFinishedAt = null;
            r.LastOutcome = Running;
            r.Runs++;
        });
        using var underLease = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost);
        try
        {
            await run(underLease.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var lost = lease.Lost.IsCancellationRequested;
            Change(held, r =>
            {
                r.LastFinishedAt = clock.GetUtcNow();
                r.LastOutcome = Failed;
                r.LastError = lost ? LeaseLost : Describe(e);
                r.ConsecutiveFailures++;
            });
            await WriteAsync(held, force: true, CancellationToken.None);
            if (lost)
            {
                LogLeaseLost(logger, job);
                return;
            }
            if (Storage.StorageFull.Reason(e) is { } full)
            {
                // A full disk is said once for all writers (StorageFullEpisode), not with a stack trace at every run.
                storageFull.Noticed(full);
                return;
            }
            throw;
        }
        Change(held, r =>
        {
            var now = clock.GetUtcNow();
            r.LastFinishedAt = now;
            r.LastSucceededAt = now;
            r.LastOutcome = Succeeded;
            r.LastError = null;
            r.ConsecutiveFailures = 0;
        });
        await WriteAsync(held, force: false, cancellationToken);
    }

    /// <summary>Each job's latest state as this process knows it (copies), by job name; jobs that have not run here are absent.</summary>
    public IReadOnlyDictionary<string, JobRun> Current() => _held
        .Select(h => (h.Key, State: h.Value.State))
        .Where(h => h.State is not null)
        .ToDictionary(h => h.Key, h => { lock (h.State!) { return Copy(h.State!); } }, StringComparer.Ordinal);

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

    private static void Change(Held held, Action<JobRun> change)
    {
        lock (held.State!)
        {
            change(held.State!);
        }
    }

    private static JobRun Copy(JobRun r) => new()
    {
        Job = r.Job, LastStartedAt = r.LastStartedAt, LastFinishedAt = r.LastFinishedAt, LastOutcome = r.LastOutcome, LastError = r.LastError,
        LastSucceededAt = r.LastSucceededAt, ConsecutiveFailures = r.ConsecutiveFailures, Runs = r.Runs,
    };

    /// <summary>The first run of a job in this process starts from its stored row, so that counts go on across restarts.</summary>
    private async Task LoadAsync(string job, Held held, CancellationToken cancellationToken)
    {
        if (held.State is not null)
        {
            return;
        }
        JobRun? stored = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            stored = await scope.ServiceProvider.GetRequiredService<VigilDbContext>().JobRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Job == job, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            NotRecorded(job, e);
        }
        held.State ??= stored ?? new JobRun { Job = job, LastOutcome = Running, LastStartedAt = clock.GetUtcNow() };
    }

    private async Task WriteAsync(Held held, bool force, CancellationToken cancellationToken)
    {
        JobRun state;
        lock (held.State!)
        {
            state = Copy(held.State!);
        }
        var now = clock.GetUtcNow();
        if (!force && held.WrittenAt is { } written && held.WrittenOutcome == state.LastOutcome && now - written < QuietWriteInterval)
        {
            return;
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
            var row = await db.JobRuns.SingleOrDefaultAsync(r => r.Job == state.Job, cancellationToken);
            if (row is null)
            {
                db.JobRuns.Add(state);
            }
            else
            {
                db.Entry(row).CurrentValues.SetValues(state);
            }
            await db.SaveChangesAsync(cancellationToken);
            held.WrittenAt = now;
            held.WrittenOutcome = state.LastOutcome;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            NotRecorded(state.Job, e);
        }
    }

    private void NotRecorded(string job, Exception e)
    {
        if (Storage.StorageFull.Reason(e) is { } full)
        {
            storageFull.Noticed(full);
            return;
        }
        LogNotRecorded(logger, job, e);
    }

    [LoggerMessage(EventId = 9100, Level = LogLevel.Warning, Message = "The run of job {Job} could not be recorded; the job goes on")]
    private static partial void LogNotRecorded(ILogger logger, string job, Exception exception);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Information, Message = "Job {Job} is now run by this process ({Instance})")]
    private static partial void LogTaken(ILogger logger, string job, string instance);

    [LoggerMessage(EventId = 9103, Level = LogLevel.Warning, Message = "The run of job {Job} stopped: its lease was lost; the next run takes it again unless another process has")]
    private static partial void LogLeaseLost(ILogger logger, string job);

    [LoggerMessage(EventId = 9101, Level = LogLevel.Debug, Message = "Job {Job} runs on instance {Instance}")]
    private static partial void LogRunning(ILogger logger, string job, string instance);
}
