using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Data;

namespace Vigil.Server.Infrastructure.Storage;

/// <summary>
/// Creates the data directory (owner-only), brings the database to the latest migration before requests are served,
/// and takes group's and others' access away from the directory and the SQLite files, whatever the umask made them.
/// </summary>
public sealed partial class DatabaseStartup(IServiceProvider services, IOptions<StorageOptions> options, ILogger<DatabaseStartup> logger) : IHostedService
{
    private Task? _started;

    /// <summary>Once per process: the entry point runs it before the host starts, and the host's start then finds it done.</summary>
    public Task StartAsync(CancellationToken cancellationToken) => _started ??= StartOnceAsync(cancellationToken);

    /// <summary>
    /// Brings the database up before the host starts. A start that cannot proceed (another process migrating for too
    /// long) has already said why in one critical line: it returns false and the caller exits with code 1, without
    /// the host's "Hosting failed to start" and its stack trace, and before any background service has begun.
    /// </summary>
    public static async Task<bool> BeforeHostAsync(WebApplication app, CancellationToken cancellationToken)
    {
        try
        {
            await app.Services.GetRequiredService<DatabaseStartup>().StartAsync(cancellationToken);
            return true;
        }
        catch (DatabaseStartupException)
        {
            // Disposing flushes the console logger, so that the critical line is printed before the process ends.
            await app.DisposeAsync();
            return false;
        }
    }

    private async Task StartOnceAsync(CancellationToken cancellationToken)
    {
        await MigrateAsync(services, options.Value, cancellationToken);
        LogReady(logger, options.Value.Provider);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static async Task MigrateAsync(IServiceProvider services, StorageOptions options, CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ILogger<DatabaseStartup>>();
        if (options.Provider == "sqlite")
        {
            OwnerOnlyFile.CreateDirectory(options.DataDirectory);
        }
        // The keys live here whatever the provider; the SQLite files are tightened before and after they are opened.
        TightenAll(logger, [options.DataDirectory, .. SqliteFiles(options)]);
        CreateDatabaseFileOwnerOnly(options);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
            // Taken before EF Core's own lock, and dies with this process: a start killed here never wedges the next.
            await using (await MigrationLock.AcquireAsync(db, options, logger, cancellationToken))
            {
                await db.Database.MigrateAsync(cancellationToken);
                if (options.Provider == "sqlite")
                {
                    // WAL lets readers run beside the single writer; the setting is kept in the file.
                    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
                }
            }
        }
        TightenAll(logger, SqliteFiles(options));
    }

    /// <summary>The database file and the journal, WAL and shared-memory files SQLite keeps beside it.</summary>
    private static IEnumerable<string> SqliteFiles(StorageOptions options)
    {
        if (options.Provider != "sqlite" || new SqliteConnectionStringBuilder(options.ResolveConnectionString()).DataSource is not { Length: > 0 } file
            || file == ":memory:")
        {
            return [];
        }
        return [file, file + "-wal", file + "-shm", file + "-journal", file + ".migrating"];
    }

    /// <summary>
    /// A new SQLite database starts as an empty owner-only file: SQLite would create it with the umask's mode (often
    /// 644) and gives its WAL and shared-memory files the database file's mode, so all three are owner-only from the
    /// first byte and Vigil has nothing to tighten, nor to warn about, on its own new files.
    /// </summary>
    private static void CreateDatabaseFileOwnerOnly(StorageOptions options)
    {
        if (SqliteFiles(options).FirstOrDefault() is { } file && !File.Exists(file))
        {
            try
            {
                OwnerOnlyFile.Create(file, _ => { });
            }
            catch (IOException) when (File.Exists(file))
            {
                // Another process (a CLI command beside the server) created it first; SQLite opens it as it is.
            }
        }
    }

    private static void TightenAll(ILogger logger, IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (OwnerOnlyFile.Tighten(path) is { } was)
            {
                LogTightened(logger, path, Convert.ToString((int)was, 8));
            }
        }
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Database ready ({Provider})")]
    private static partial void LogReady(ILogger logger, string provider);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "{Path} could be read by others (mode {Mode}); it is now its owner's alone")]
    private static partial void LogTightened(ILogger logger, string path, string mode);
}
