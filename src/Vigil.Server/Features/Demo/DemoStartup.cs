using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Vigil.Data;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.Demo;

/// <summary>
/// The demo's way in, shared by `vigil demo`, `vigil serve --demo` and the server's own `--demo`: a loading host of its
/// own (the server's registrations with the demo's clock), the database migrated and found empty, the demo loaded,
/// and the guide printed. A database that holds anything is refused: the demo never mixes with real records.
/// </summary>
public static class DemoStartup
{
    public const string Flag = "--demo";

    /// <summary>The log's origin for a demo database, so that its checkpoints can never pass for a real CERT's.</summary>
    public const string Origin = "demo.vigil.local/ledger";

    /// <summary>The exit code of a refused load (a database that is not empty), as for any check that says no.</summary>
    public const int Refused = 1;

    /// <summary>Host arguments with the demo's log origin, unless the operator named one.</summary>
    public static string[] WithDemoOrigin(IEnumerable<string> args)
    {
        var list = args.ToList();
        var named = list.Any(a => a.StartsWith("--Ledger:Origin", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("Ledger__Origin"));
        return named ? [.. list] : [.. list, $"--Ledger:Origin={Origin}"];
    }

    /// <summary>Loads the demo with the host arguments given (see <see cref="WithDemoOrigin"/>); 0 when loaded, <see cref="Refused"/> when not.</summary>
    public static Task<int> LoadAsync(string[] hostArgs, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        LoadAsync(hostArgs, output, error, json: false, cancellationToken);

    /// <summary>Loads the demo; with <paramref name="json"/> the guide is one JSON object (links, accounts, how to serve it).</summary>
    public static async Task<int> LoadAsync(string[] hostArgs, TextWriter output, TextWriter error, bool json, CancellationToken cancellationToken)
    {
        var clock = new DemoClock(DemoLoader.Start);
        await using var app = Program.BuildApp([.. hostArgs, "--FirstStart:CreateAdmin=false"], services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(clock);
        });
        var storage = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        await DatabaseStartup.MigrateAsync(app.Services, storage, cancellationToken);
        if (!await IsEmptyAsync(app.Services, cancellationToken))
        {
            await error.WriteLineAsync($"""
                The database is not empty ({storage.Provider}{(storage.Provider == "sqlite" ? ", under " + Path.GetFullPath(storage.DataDirectory) : "")}): the demo loads only into an empty one, so that it never mixes with real records.
                Point Vigil at a new data directory (--Storage:DataDirectory=./demo-data) or a new database, and run the demo again.
                """);
            return Refused;
        }
        var loaded = await DemoLoader.LoadAsync(app.Services, clock);
        var baseUrl = BaseUrl(app.Configuration["urls"]);
        await output.WriteAsync(json ? DemoGuide.Json(loaded, baseUrl, hostArgs) + Environment.NewLine : DemoGuide.Text(loaded, baseUrl));
        return 0;
    }

    public static async Task<bool> IsEmptyAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        return !await db.Users.AnyAsync(cancellationToken) && !await db.Organisations.AnyAsync(cancellationToken)
            && !await db.LedgerLeaves.AnyAsync(cancellationToken) && !await db.Notes.IgnoreQueryFilters().AnyAsync(cancellationToken);
    }

    /// <summary>The first address the server listens on (its default when none is configured), for the printed links.</summary>
    public static string BaseUrl(string? urls) =>
        (urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "http://127.0.0.1:5080")
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal).Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://*", "://127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
}
