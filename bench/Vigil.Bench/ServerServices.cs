using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Bench;

/// <summary>
/// The server's own services on a SQLite data directory, built exactly as <c>vigil serve</c> builds them but not
/// started: no HTTP listener and no background checkpoint signer to disturb the measurements.
/// </summary>
public sealed class ServerServices : IAsyncDisposable
{
    private readonly Microsoft.AspNetCore.Builder.WebApplication _app;

    private ServerServices(Microsoft.AspNetCore.Builder.WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;

    /// <summary>Builds the services on <paramref name="dataDirectory"/> and migrates its database (created when missing).</summary>
    public static async Task<ServerServices> OpenAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        var app = Program.BuildApp([$"--Storage:DataDirectory={dataDirectory}", "--Logging:LogLevel:Default=Warning"]);
        var storage = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        await DatabaseStartup.MigrateAsync(app.Services, storage, cancellationToken);
        return new ServerServices(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        // Pooled connections keep the file open; release them so the directory can be deleted or reused.
        SqliteConnection.ClearAllPools();
    }
}
