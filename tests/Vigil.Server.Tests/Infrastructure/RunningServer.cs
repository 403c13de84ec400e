using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Vigil.Server.Tests.Infrastructure;

/// <summary>The real server on Kestrel, on a free loopback port, with its own SQLite file: what a CLI or a browser talks to.</summary>
public sealed class RunningServer : IAsyncLifetime
{
    private WebApplication? _app;

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("vigil-server-").FullName;

    public Uri Address { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    /// <summary>More host configuration, e.g. "--Ledger:Witnesses:0:Url=..."; set before the server starts.</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>Where the server's log key lives; a test may write one there first, to share it or give it to a witness.</summary>
    public string LedgerKeyFile => Path.Combine(DataDirectory + "-keys", "ledger-signer.key");

    public async Task InitializeAsync()
    {
        _app = Program.BuildApp(["--urls", "http://127.0.0.1:0", $"--Storage:DataDirectory={DataDirectory}", "--FirstStart:CreateAdmin=false",
            $"--Regimes:Directory={RepositoryPaths.File("regimes")}", .. VigilFactory.GenerousRateLimitArguments, .. ExtraArguments]);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(address);
    }

    /// <summary>A client for a started app, carrying a token.</summary>
    public static HttpClient ClientFor(WebApplication app, string token)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
            if (Directory.Exists(DataDirectory + "-keys"))
            {
                Directory.Delete(DataDirectory + "-keys", recursive: true);
            }
        }
        catch (IOException)
        {
            // Left for the OS to clean up with the other temporary files.
        }
    }
}
