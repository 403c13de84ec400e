using System.Diagnostics;
using System.Text.Json;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.OidcSignIn;

/// <summary>
/// A real OpenID Connect provider in its own node process (panva's oidc-provider, run by OidcProvider/provider.mjs) on
/// a free loopback port, named "localhost" so that a browser sees another site than Vigil on 127.0.0.1. It has one
/// client and lets anyone sign in; the account's e-mail is the login typed in (see provider.mjs).
/// `npm ci` in tests/Vigil.Server.Tests/OidcProvider installs it (scripts/test-prerequisites.sh does).
/// </summary>
public sealed class LocalOidcProvider : IAsyncDisposable
{
    private static readonly string Folder = RepositoryPaths.File("tests", "Vigil.Server.Tests", "OidcProvider");

    private readonly Process _process;

    private LocalOidcProvider(Process process, string issuer)
    {
        _process = process;
        Issuer = issuer;
    }

    /// <summary>The issuer, as the provider names itself: "http://localhost:{port}", without a trailing slash.</summary>
    public string Issuer { get; }

    public static async Task<LocalOidcProvider> StartAsync()
    {
        Assert.True(Directory.Exists(Path.Combine(Folder, "node_modules", "oidc-provider")),
            $"The OpenID Connect provider is not installed: run `npm ci` in {Folder}");
        var start = new ProcessStartInfo("node", [Path.Combine(Folder, "provider.mjs")])
        {
            WorkingDirectory = Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        // Its warnings (development keys and forms, the Node.js version) are read away so that the pipe never fills.
        _ = process.StandardError.ReadToEndAsync();
        var line = await ReadLineAsync(process);
        if (line?.StartsWith("listening on ", StringComparison.Ordinal) != true)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"The OpenID Connect provider did not start: {line}");
        }
        return new LocalOidcProvider(process, line["listening on ".Length..]);
    }

    /// <summary>Registers the one client; the provider serves requests from then on.</summary>
    public async Task AddClientAsync(string clientId, string clientSecret, Uri redirectUri)
    {
        var client = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["client_id"] = clientId, ["client_secret"] = clientSecret, ["redirect_uri"] = redirectUri.ToString(),
        });
        await _process.StandardInput.WriteLineAsync(client);
        await _process.StandardInput.FlushAsync();
        var line = await ReadLineAsync(_process);
        Assert.True(line == "ready", $"The OpenID Connect provider did not take the client: {line}");
    }

    private static async Task<string?> ReadLineAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        return await process.StandardOutput.ReadLineAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
