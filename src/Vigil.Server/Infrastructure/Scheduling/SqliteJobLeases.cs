using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Infrastructure.Scheduling;

/// <summary>
/// Job leases for processes sharing one SQLite file: an exclusive flock on a file per job beside the database
/// (<c>vigil.db.job-reminders</c>), taken as <see cref="MigrationLock"/> takes its own and kept open while this process
/// holds the job; the kernel drops it when the process ends, however it ends. Others cannot read a locked file, so the
/// holder also writes its name in <c>vigil.db.job-reminders.holder</c> for the jobs page. An in-memory database has one
/// process: every lease is its own.
/// </summary>
/// <param name="databaseFile">The database's file, or null for an in-memory database.</param>
public sealed class SqliteJobLeases(string? databaseFile) : JobLeases
{
    private readonly Dictionary<string, FileStream> _held = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public override Task<JobLease?> HoldAsync(string job, CancellationToken cancellationToken)
    {
        if (databaseFile is null)
        {
            return Task.FromResult<JobLease?>(new JobLease(CancellationToken.None, Taken: false));
        }
        var path = LockFile(job);
        lock (_gate)
        {
            if (_held.Remove(job, out var stream))
            {
                if (File.Exists(path))
                {
                    _held[job] = stream;
                    return Task.FromResult<JobLease?>(new JobLease(CancellationToken.None, Taken: false));
                }
                // Someone removed the file under the lock: another process could lock a new one, so this one takes that instead.
                stream.Dispose();
            }
            if (MigrationLock.TryOpenExclusive(path) is not { } taken)
            {
                return Task.FromResult<JobLease?>(null);
            }
            _held[job] = taken;
        }
        WriteHolder(path + ".holder");
        return Task.FromResult<JobLease?>(new JobLease(CancellationToken.None, Taken: true));
    }

    public override Task<IReadOnlyDictionary<string, string>> HoldersAsync(CancellationToken cancellationToken)
    {
        var holders = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var job in databaseFile is null ? [] : JobRunRecorder.Jobs)
        {
            try
            {
                if (File.Exists(LockFile(job) + ".holder"))
                {
                    holders[job] = File.ReadAllText(LockFile(job) + ".holder").Trim();
                }
            }
            catch (IOException)
            {
                // Being rewritten by the process that just took the lease: the page shows it next time.
            }
        }
        return Task.FromResult<IReadOnlyDictionary<string, string>>(holders);
    }

    public override ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            foreach (var stream in _held.Values)
            {
                stream.Dispose();
            }
            _held.Clear();
        }
        return ValueTask.CompletedTask;
    }

    private string LockFile(string job) => databaseFile + ".job-" + job;

    private static void WriteHolder(string path)
    {
        try
        {
            File.Delete(path);
            OwnerOnlyFile.CreateText(path, JobRunRecorder.Instance);
        }
        catch (IOException)
        {
            // Only what the jobs page shows; the lease is held either way.
        }
    }
}
