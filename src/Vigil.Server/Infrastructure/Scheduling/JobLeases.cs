using System.Security.Cryptography;
using System.Text;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Infrastructure.Scheduling;

/// <summary>
/// Which server process runs each background job when several share one database: the one holding the job's lease, a
/// lock that dies with its holder (on PostgreSQL a session advisory lock, on SQLite an exclusive flock on a file beside
/// the database). A process keeps a lease it holds; one that does not hold a job's lease tries to take it at each of
/// the job's ticks, so when the holder dies (and its session or file lock with it) another takes the job over within
/// one interval. <see cref="JobRunRecorder.RunAsync"/> runs a job only under its lease.
/// </summary>
public abstract class JobLeases : IAsyncDisposable, IDisposable
{
    /// <summary>
    /// The lease on <paramref name="job"/> if this process holds it or has just taken it (the session it lives on
    /// checked alive first); null while another process holds it.
    /// </summary>
    public abstract Task<JobLease?> HoldAsync(string job, CancellationToken cancellationToken);

    /// <summary>The process holding each job's lease, by job name, as far as it can be known cheaply; a job held by none is absent.</summary>
    public abstract Task<IReadOnlyDictionary<string, string>> HoldersAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    /// <summary>For a container disposed synchronously.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>The leases of the configured database.</summary>
    public static JobLeases For(StorageOptions options, TimeProvider clock, ILoggerFactory loggers) =>
        options.Provider == "postgres"
            ? new PostgresJobLeases(options.ResolveConnectionString(), clock, loggers.CreateLogger<PostgresJobLeases>())
            : new SqliteJobLeases(MigrationLock.SqliteDatabaseFile(options));

    /// <summary>A job's lock key: a stable, non-negative number from its name (the known jobs' keys differ, as a test checks).</summary>
    public static int Key(string job) => BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(job)), 0) & int.MaxValue;
}

/// <summary>A lease held by this process.</summary>
/// <param name="Lost">Cancelled when the lease is found lost while held (its database session ended): a run under it stops.</param>
/// <param name="Taken">True when this call took the lease (this process did not hold it before): what it knew of the job may be out of date.</param>
public sealed record JobLease(CancellationToken Lost, bool Taken);
