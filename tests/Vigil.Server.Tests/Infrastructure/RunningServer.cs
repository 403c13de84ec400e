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

    public async Task InitializeAsync()
    {
        _app = Program.BuildApp(["--urls", "http://127.0.0.1:0", $"--Storage:DataDirectory={DataDirectory}", "--FirstStart:CreateAdmin=false",
            $"--Regimes:Directory={RepositoryPaths.File("regimes")}"]);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(address);
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
        }
        catch (IOException)
        {
            // Left for the OS to clean up with the other temporary files.
        }
    }
}
