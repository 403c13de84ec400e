using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Vigil.Data;

namespace Vigil.Server.Infrastructure.Storage;

/// <summary>
/// The one lock every process that migrates the database (the server at start, `vigil admin init`, offline commands)
/// takes first, of a kind that dies with the process holding it, so that a start killed while migrating can never wedge
/// the next: on SQLite an exclusive lock (flock) on a file beside the database, on PostgreSQL a session advisory lock.
/// EF Core's own SQLite lock is a row in <c>__EFMigrationsLock</c> that a killed process leaves behind and that EF Core
/// then waits for without end; holding this lock, Vigil knows such a row is stale and clears it. Waiting for another
/// live migrator is bounded by <see cref="StorageOptions.MigrationLockTimeoutSeconds"/>.
/// </summary>
public static partial class MigrationLock
{
    /// <summary>The advisory lock's key on PostgreSQL: "vigil-mg" read as a 64-bit number, apart from any other lock Vigil takes.</summary>
    public const long PostgresKey = 0x7669_6769_6C2D_6D67;

    private static readonly TimeSpan RetryEvery = TimeSpan.FromMilliseconds(200);

    public static Task<IAsyncDisposable> AcquireAsync(VigilDbContext db, StorageOptions options, ILogger logger, CancellationToken cancellationToken) =>
        options.Provider == "postgres"
            ? AcquirePostgresAsync(options, logger, cancellationToken)
            : AcquireSqliteAsync(db, options, logger, cancellationToken);

    /// <summary>The lock file beside a SQLite database, or null for an in-memory database (nothing can outlive its process).</summary>
    public static string? SqliteLockFile(StorageOptions options) => SqliteDatabaseFile(options) is { } file ? file + ".migrating" : null;

    /// <summary>The SQLite database's file, or null for an in-memory database; other locks that die with their holder live beside it.</summary>
    public static string? SqliteDatabaseFile(StorageOptions options) =>
        new SqliteConnectionStringBuilder(options.ResolveConnectionString()).DataSource is { Length: > 0 } file && file != ":memory:" ? file : null;

    private static async Task<IAsyncDisposable> AcquireSqliteAsync(VigilDbContext db, StorageOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        if (SqliteLockFile(options) is not { } path)
        {
            return NothingHeld.Instance;
        }
        var stream = await WaitAsync(path, options, logger, () => Task.FromResult(TryOpenExclusive(path)), cancellationToken);
        try
        {
            await ClearStaleSqliteLockAsync(db, logger, cancellationToken);
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
        return stream;
    }

    /// <summary>
    /// .NET takes flock(LOCK_EX | LOCK_NB) on a file opened with <see cref="FileShare.None"/>; the kernel drops it when the
    /// process ends however it ends. The file itself stays (removing it would let two processes lock two different files).
    /// </summary>
    internal static FileStream? TryOpenExclusive(string path)
    {
        try
        {
            var open = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                open.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            return new FileStream(path, open);
        }
        catch (IOException) when (File.Exists(path))
        {
            return null;
        }
    }

    /// <summary>Holding the lock, no other process is migrating: a row in EF Core's lock table was left by one that was killed.</summary>
    private static async Task ClearStaleSqliteLockAsync(VigilDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        var tables = await db.Database
            .SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'")
            .SingleAsync(cancellationToken);
        if (tables == 0)
        {
            return;
        }
        if (await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsLock\"", cancellationToken) > 0)
        {
            LogStaleLockCleared(logger);
        }
    }

    private static async Task<IAsyncDisposable> AcquirePostgresAsync(StorageOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        // A connection of its own, outside any pool's reuse: the lock lives as long as this session, and dies with it.
        var builder = new NpgsqlConnectionStringBuilder(options.ResolveConnectionString()) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await WaitAsync("PostgreSQL advisory lock " + PostgresKey, options, logger, async () =>
            {
                await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
                command.Parameters.AddWithValue("key", PostgresKey);
                return (bool)(await command.ExecuteScalarAsync(cancellationToken))! ? connection : null;
            }, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task<T> WaitAsync<T>(string what, StorageOptions options, ILogger logger, Func<Task<T?>> tryTake, CancellationToken cancellationToken)
        where T : class
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var timeout = TimeSpan.FromSeconds(options.MigrationLockTimeoutSeconds);
        var said = false;
        while (true)
        {
            if (await tryTake() is { } held)
            {
                return held;
            }
            if (waited.Elapsed >= timeout)
            {
                LogGaveUp(logger, what, options.MigrationLockTimeoutSeconds);
                throw new DatabaseStartupException(
                    $"Another process (a Vigil server or CLI command) is migrating this database and holds {what}; it did not finish within "
                    + $"{options.MigrationLockTimeoutSeconds} s (Storage:MigrationLockTimeoutSeconds). Start again once it has finished.");
            }
            if (!said)
            {
                LogWaiting(logger, what, options.MigrationLockTimeoutSeconds);
                said = true;
            }
            await Task.Delay(RetryEvery, cancellationToken);
        }
    }

    private sealed class NothingHeld : IAsyncDisposable
    {
        public static readonly NothingHeld Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning,
        Message = "A stale migration lock (a row in __EFMigrationsLock left by a process killed while migrating) was found and cleared; migrations resume")]
    private static partial void LogStaleLockCleared(ILogger logger);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information,
        Message = "Another process is migrating the database ({Lock}); waiting up to {Seconds} s for it to finish")]
    private static partial void LogWaiting(ILogger logger, string @lock, int seconds);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Critical,
        Message = "Cannot start: another process held {Lock} for more than {Seconds} s while migrating the database")]
    private static partial void LogGaveUp(ILogger logger, string @lock, int seconds);
}

/// <summary>The database cannot be brought to the latest migration now; the message says why and what to do.</summary>
public sealed class DatabaseStartupException(string message) : Exception(message);
