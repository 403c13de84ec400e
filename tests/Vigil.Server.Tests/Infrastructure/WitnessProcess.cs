using System.Diagnostics;

namespace Vigil.Server.Tests.Infrastructure;

/// <summary>A real `vigil witness serve` in its own process on a free loopback port, with its own key and state directory.</summary>
public sealed class WitnessProcess : IAsyncDisposable
{
    private readonly Process _process;

    private WitnessProcess(Process process, string directory, Uri address, string verifierKey)
    {
        _process = process;
        Directory = directory;
        Address = address;
        VerifierKey = verifierKey;
    }

    public string Directory { get; }

    public string StateDirectory => Path.Combine(Directory, "state");

    public Uri Address { get; }

    public string VerifierKey { get; }

    /// <summary>
    /// A server that signs with <paramref name="logKey"/> and asks this witness, named <paramref name="name"/>, to
    /// cosign a new checkpoint every 200 ms; started, to be disposed by the caller.
    /// </summary>
    public async Task<RunningServer> StartServerAsync(string name, Vigil.Ledger.Notes.Ed25519NoteSigner logKey)
    {
        var server = new RunningServer
        {
            ExtraArguments =
            [
                "--Ledger:CheckpointInterval=00:00:00.200",
                $"--Ledger:Witnesses:0:Name={name}",
                $"--Ledger:Witnesses:0:Url={Address}",
                $"--Ledger:Witnesses:0:VerifierKey={VerifierKey}",
            ],
        };
        Vigil.Server.Infrastructure.Storage.OwnerOnlyFile.CreateText(server.LedgerKeyFile, logKey.SignerKey);
        await server.InitializeAsync();
        return server;
    }

    public static async Task<WitnessProcess> StartAsync(string name, params string[] logKeys)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("vigil-witness-").FullName;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "vigil.dll"), "witness", "serve", "--name", name,
            "--key", Path.Combine(directory, "witness.key"), "--state", Path.Combine(directory, "state"), "--urls", "http://127.0.0.1:0"])
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var key in logKeys)
        {
            start.ArgumentList.Add("--log-key");
            start.ArgumentList.Add(key);
        }
        var process = Process.Start(start)!;
        string? verifierKey = null;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("verifier key: ", StringComparison.Ordinal))
            {
                verifierKey = line["verifier key: ".Length..];
            }
            else if (line.StartsWith("listening on ", StringComparison.Ordinal))
            {
                return new WitnessProcess(process, directory, new Uri(line["listening on ".Length..].Split(' ')[0]), verifierKey!);
            }
        }
        var error = await process.StandardError.ReadToEndAsync(timeout.Token);
        throw new InvalidOperationException($"The witness did not start: {error}");
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean up with the other temporary files.
        }
    }
}
