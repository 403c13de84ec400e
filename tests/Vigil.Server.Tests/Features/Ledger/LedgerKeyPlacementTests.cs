using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Cli;
using Vigil.Ledger.Notes;
using Vigil.Server.Features.Ledger;
using Vigil.Server.Infrastructure.Storage;
using Vigil.Server.Tests.Cli;

namespace Vigil.Server.Tests.Features.Ledger;

/// <summary>
/// Issue 14, transparency log: the log's signing key lives outside the data directory by default (whoever holds a copy
/// of the data must not hold the key that can re-sign it), and an installation whose key an earlier version put in the
/// data directory keeps working, warned how to move it.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class LedgerKeyPlacementTests : IDisposable
{
    private readonly string _parent = Directory.CreateTempSubdirectory("vigil-keyplace-").FullName;

    private string Data => Path.Combine(_parent, "data");

    private string Keys => Path.Combine(_parent, "data-keys");

    [Fact]
    public async Task A_first_start_makes_the_key_beside_the_data_directory_not_in_it()
    {
        string published;
        await using (var app = Program.BuildApp(["--urls", "http://127.0.0.1:0", $"--Storage:DataDirectory={Data}", "--FirstStart:CreateAdmin=false"]))
        {
            await app.StartAsync();
            using var client = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
            published = (await client.GetStringAsync("/ledger/key")).Split('\n')[0];
            await app.StopAsync();
        }

        Assert.False(File.Exists(Path.Combine(Data, "ledger-signer.key")));
        var keyFile = Path.Combine(Keys, "ledger-signer.key");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Keys));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        using var key = Ed25519NoteSigner.Parse(OwnerOnlyFile.ReadAllText(keyFile).Trim());
        Assert.Equal(key.VerifierKey, published);
    }

    [Fact]
    public async Task A_key_an_earlier_version_left_in_the_data_directory_is_still_used_and_the_warning_says_how_to_move_it()
    {
        using var earlier = Ed25519NoteSigner.Generate(new LedgerOptions().Origin);
        OwnerOnlyFile.CreateText(Path.Combine(Data, "ledger-signer.key"), earlier.SignerKey);

        var log = new WarningLog();
        using (var keys = LoadKeys(new LedgerOptions(), log))
        {
            Assert.Equal(earlier.VerifierKey, keys.VerifierKeys[0]);
        }
        var warning = Assert.Single(log.Warnings);
        Assert.Contains($"still in the data directory ({Path.Combine(Data, "ledger-signer.key")})", warning, StringComparison.Ordinal);
        Assert.Contains($"into {Keys}/", warning, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Keys), "no second key is made beside the one in use");

        // The offline rotation finds it there too, says the same, and rotates it in place.
        var rotated = await CliRun.InProcessAsync("admin", "rotate-ledger-key", $"--Storage:DataDirectory={Data}");
        Assert.True(rotated.ExitCode == ExitCodes.Ok, rotated.ToString());
        Assert.Contains("still in the data directory", rotated.Error, StringComparison.Ordinal);
        Assert.Contains(earlier.VerifierKey, await File.ReadAllTextAsync(Path.Combine(Data, "ledger-signer.key.retired")), StringComparison.Ordinal);

        // Moved as the warning says: found in its new place, both keys still published, no warning.
        Directory.CreateDirectory(Keys, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.Move(Path.Combine(Data, "ledger-signer.key"), Path.Combine(Keys, "ledger-signer.key"));
        File.Move(Path.Combine(Data, "ledger-signer.key.retired"), Path.Combine(Keys, "ledger-signer.key.retired"));
        var quiet = new WarningLog();
        using (var moved = LoadKeys(new LedgerOptions(), quiet))
        {
            Assert.Equal(rotated.Out.Trim().Split('\n')[^1].Trim(), moved.VerifierKeys[0]);
            Assert.Contains(earlier.VerifierKey, moved.VerifierKeys);
        }
        Assert.Empty(quiet.Warnings);
    }

    [Fact]
    public void A_key_file_configured_inside_the_data_directory_is_used_with_a_warning()
    {
        var inside = Path.Combine(Data, "keys", "ledger.key");
        var log = new WarningLog();
        using (LoadKeys(new LedgerOptions { KeyFile = inside }, log))
        {
            Assert.True(File.Exists(inside));
        }
        Assert.Contains("(Ledger:KeyFile) is inside the data directory", Assert.Single(log.Warnings), StringComparison.Ordinal);

        var outside = new WarningLog();
        using (LoadKeys(new LedgerOptions { KeyFile = Path.Combine(_parent, "elsewhere", "ledger.key") }, outside))
        {
        }
        Assert.Empty(outside.Warnings);
    }

    private LedgerKeys LoadKeys(LedgerOptions options, WarningLog log) =>
        new(Options.Create(options), Options.Create(new StorageOptions { DataDirectory = Data }), log);

    /// <summary>The warnings LedgerKeys logs, as their operator would read them.</summary>
    private sealed class WarningLog : ILogger<LedgerKeys>
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Warnings.Add(formatter(state, exception));
            }
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_parent, recursive: true);
    }
}
