using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Notes;
using Vigil.Server.Features.Ledger;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Ledger;

/// <summary>
/// Issue 14, transparency log: the log's key may be held by an external signer (Ledger:Signer=command), here a real
/// one: a shell script signing with `openssl pkeyutl` an Ed25519 key Vigil never reads, as a script around a PKCS#11
/// token or a key service would. Every signature is checked with the configured public key, and a signer that is
/// misconfigured stops the start saying why.
/// </summary>
public sealed class LedgerCommandSignerTests : IDisposable
{
    private const string Origin = "cert.test/vigil";

    // Writes the message to a file (OpenSSL 3.0 signs Ed25519 in one shot, from a file, not from a pipe), then signs it.
    private const string SignerScript = """
        set -eu
        message=$(mktemp)
        trap 'rm -f "$message"' EXIT
        cat > "$message"
        openssl pkeyutl -sign -inkey "$1" -rawin -in "$message"
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("vigil-signer-").FullName;

    private string Script => Path.Combine(_directory, "sign.sh");

    private string Data => Path.Combine(_directory, "data");

    public LedgerCommandSignerTests() => File.WriteAllText(Script, SignerScript);

    [Fact]
    public async Task Checkpoints_and_receipts_are_signed_by_the_external_signer_and_verify_with_its_public_key()
    {
        var (pem, publicKey) = await NewKeyAsync("held");
        var expected = new Ed25519NoteVerifier(Origin, Convert.FromBase64String(publicKey)[^32..]).VerifierKey;
        await using var app = Program.BuildApp(Arguments(pem, publicKey));
        await app.StartAsync();
        var token = (await Seed.UserAsync(app.Services, Roles.Reporter)).Token;
        using var client = RunningServer.ClientFor(app, token);

        Assert.Equal(expected, (await client.GetStringAsync("/ledger/key")).Split('\n')[0]);
        var receipt = (await (await client.PostJsonAsync("/api/v1/incidents", Api.Report("signed elsewhere"))).JsonAsync())["receipt"]!.ToJsonString();
        ReceiptVerifier.Verify(receipt, [expected], Api.Report("signed elsewhere"));
        Checkpoint.Open(await client.GetStringAsync("/ledger/checkpoint"), NoteVerifierSet.Parse(expected));
        Assert.False(File.Exists(Path.Combine(Data, "ledger-signer.key")));
        Assert.False(Directory.Exists(Data + "-keys"), "no key file is made when an external signer holds the key");
        await app.StopAsync();
    }

    [Fact]
    public async Task A_signer_that_signs_with_another_key_stops_the_start()
    {
        var (pem, _) = await NewKeyAsync("held");
        var (_, otherPublicKey) = await NewKeyAsync("other");
        var refused = await StartFailureAsync(Arguments(pem, otherPublicKey));
        Assert.Contains("The log cannot sign with the signer command /bin/sh", refused, StringComparison.Ordinal);
        Assert.Contains("does not verify with the public key", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signer_that_fails_or_is_not_configured_stops_the_start_saying_why()
    {
        var (_, publicKey) = await NewKeyAsync("held");
        var failing = await StartFailureAsync([.. Common, "--Ledger:Signer=command", "--Ledger:SignerCommand=/bin/sh",
            "--Ledger:SignerArguments:0=-c", "--Ledger:SignerArguments:1=echo token not present >&2; exit 3", $"--Ledger:SignerPublicKey={publicKey}"]);
        Assert.Contains("exited with 3: token not present", failing, StringComparison.Ordinal);

        var garbage = await StartFailureAsync([.. Common, "--Ledger:Signer=command", "--Ledger:SignerCommand=/bin/sh",
            "--Ledger:SignerArguments:0=-c", "--Ledger:SignerArguments:1=echo not a signature", $"--Ledger:SignerPublicKey={publicKey}"]);
        Assert.Contains("not a 64-byte Ed25519 signature", garbage, StringComparison.Ordinal);

        var unnamed = await StartFailureAsync([.. Common, "--Ledger:Signer=command", $"--Ledger:SignerPublicKey={publicKey}"]);
        Assert.Contains("set Ledger:SignerCommand", unnamed, StringComparison.Ordinal);
        var keyless = await StartFailureAsync([.. Common, "--Ledger:Signer=command", "--Ledger:SignerCommand=/bin/true"]);
        Assert.Contains("set Ledger:SignerPublicKey", keyless, StringComparison.Ordinal);
        var notAKey = await StartFailureAsync([.. Common, "--Ledger:Signer=command", "--Ledger:SignerCommand=/bin/true", "--Ledger:SignerPublicKey=AAAA"]);
        Assert.Contains("Ledger:SignerPublicKey must be an Ed25519 public key", notAKey, StringComparison.Ordinal);
    }

    private string[] Common => ["--urls", "http://127.0.0.1:0", $"--Storage:DataDirectory={Data}", "--FirstStart:CreateAdmin=false",
        $"--Ledger:Origin={Origin}", $"--Regimes:Directory={RepositoryPaths.File("regimes")}", .. VigilFactory.GenerousRateLimitArguments];

    private string[] Arguments(string pem, string publicKey) =>
        [.. Common, "--Ledger:Signer=command", "--Ledger:SignerCommand=/bin/sh", $"--Ledger:SignerArguments:0={Script}",
            $"--Ledger:SignerArguments:1={pem}", $"--Ledger:SignerPublicKey={publicKey}"];

    private static async Task<string> StartFailureAsync(string[] arguments)
    {
        await using var app = Program.BuildApp(arguments);
        var refused = await Record.ExceptionAsync(() => app.StartAsync());
        Assert.NotNull(refused);
        return refused.ToString();
    }

    /// <summary>A new Ed25519 key made by OpenSSL: the PEM file the signer reads, and the public key as openssl prints it (SubjectPublicKeyInfo, base64).</summary>
    private async Task<(string Pem, string PublicKey)> NewKeyAsync(string name)
    {
        var pem = Path.Combine(_directory, name + ".pem");
        await OpenSslAsync("genpkey", "-algorithm", "ed25519", "-out", pem);
        var der = Path.Combine(_directory, name + ".pub.der");
        await OpenSslAsync("pkey", "-in", pem, "-pubout", "-outform", "DER", "-out", der);
        return (pem, Convert.ToBase64String(await File.ReadAllBytesAsync(der)));
    }

    private static async Task OpenSslAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("openssl") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, error);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
