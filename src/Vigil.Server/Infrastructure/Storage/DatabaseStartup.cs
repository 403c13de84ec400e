using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Data;

namespace Vigil.Server.Infrastructure.Storage;

/// <summary>Creates the data directory and brings the database to the latest migration before requests are served.</summary>
public sealed partial class DatabaseStartup(IServiceProvider services, IOptions<StorageOptions> options, ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await MigrateAsync(services, options.Value, cancellationToken);
        LogReady(logger, options.Value.Provider);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static async Task MigrateAsync(IServiceProvider services, StorageOptions options, CancellationToken cancellationToken)
    {
        if (options.Provider == "sqlite")
        {
            Directory.CreateDirectory(options.DataDirectory);
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (options.Provider == "sqlite")
        {
            // WAL lets readers run beside the single writer; the setting is kept in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Database ready ({Provider})")]
    private static partial void LogReady(ILogger logger, string provider);
}
