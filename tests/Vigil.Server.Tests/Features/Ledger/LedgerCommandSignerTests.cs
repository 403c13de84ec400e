using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Notes;
using Vigil.Ledger.Receipts;
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
        var missing = await StartFailureAsync([.. Common, "--Ledger:Signer=command", $"--Ledger:SignerCommand={Path.Combine(_directory, "no-such-signer")}", $"--Ledger:SignerPublicKey={publicKey}"]);
        Assert.Contains($"The log cannot sign with the signer command {Path.Combine(_directory, "no-such-signer")}", missing, StringComparison.Ordinal);
        var unknown = await StartFailureAsync([.. Common, "--Ledger:Signer=hsm"]);
        Assert.Contains("Ledger:Signer must be 'file' or 'command'.", unknown, StringComparison.Ordinal);
    }

    // Issue 14 follow-up, second point: a signer that fails while the server runs (the token pulled out) made the
    // submission whose checkpoint it signs answer 500. It answers 503 with a problem+json body and Retry-After,
    // records nothing, logs the failure once without the signer's arguments (a PIN may be among them), and the next
    // submission, once the signer works again, is recorded as usual.
    [Fact]
    public async Task A_signer_that_fails_after_the_start_makes_a_submission_answer_503_and_records_nothing()
    {
        const string Pin = "pin-9f8e7d6c5b4a";
        RunLog.AddSecret(Pin);
        var (pem, publicKey) = await NewKeyAsync("held");
        var marker = Path.Combine(_directory, "token-removed");
        await File.WriteAllTextAsync(Script, "if [ -e \"$2\" ]; then echo token removed >&2; exit 4; fi\n" + SignerScript);
        using var factory = new VigilFactory();
        using var server = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Ledger:Origin", Origin);
            b.UseSetting("Ledger:Signer", "command");
            b.UseSetting("Ledger:SignerCommand", "/bin/sh");
            b.UseSetting("Ledger:SignerArguments:0", Script);
            b.UseSetting("Ledger:SignerArguments:1", pem);
            b.UseSetting("Ledger:SignerArguments:2", marker);
            b.UseSetting("Ledger:SignerArguments:3", "--pin=" + Pin);
            b.UseSetting("Ledger:SignerPublicKey", publicKey);
        });
        var reporter = await Seed.UserAsync(server.Services, Roles.Reporter);
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", reporter.Token);
        var size = await LogSizeAsync(server.Services);

        var logged = RunLog.Length;
        await File.WriteAllTextAsync(marker, "");
        using var refused = await client.PostJsonAsync("/api/v1/incidents", Api.Report("while the token is out"));
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(refused.Headers.RetryAfter);
        var problem = await refused.JsonAsync();
        Assert.Equal("urn:vigil:problem:log-cannot-sign", problem["type"]!.GetValue<string>());
        Assert.Contains("could not sign", problem["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(503, problem["status"]!.GetValue<int>());
        Assert.Equal(size, await LogSizeAsync(server.Services));
        using (var scope = server.Services.CreateScope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<Vigil.Data.VigilDbContext>().Submissions.CountAsync());
        }
        var log = RunLog.Text(logged);
        Assert.Contains("token removed", log, StringComparison.Ordinal);
        Assert.DoesNotContain(Pin, log, StringComparison.Ordinal);
        Assert.DoesNotContain("An unhandled exception", log, StringComparison.Ordinal);

        File.Delete(marker);
        var receipt = (await (await client.PostJsonAsync("/api/v1/incidents", Api.Report("once it is back"))).JsonAsync())["receipt"]!.ToJsonString();
        ReceiptVerifier.Verify(receipt, [new Ed25519NoteVerifier(Origin, Convert.FromBase64String(publicKey)[^32..]).VerifierKey], Api.Report("once it is back"));
        Assert.True(await LogSizeAsync(server.Services) > size, "the submission after the signer came back has its leaf");
    }

    private static async Task<long> LogSizeAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<Vigil.Data.VigilDbContext>().LedgerLeaves.LongCountAsync();
    }

    // The key on a PKCS#11 token (SoftHSM here, an HSM in production), signed through the script Vigil ships for it:
    // generated on the token, never exported; Vigil gets its public key and signatures only.
    [Fact]
    public async Task A_key_on_a_pkcs11_token_signs_through_the_shipped_script()
    {
        const string Module = "/usr/lib/softhsm/libsofthsm2.so";
        Assert.True(File.Exists(Module), "SoftHSM2 and OpenSC are needed (scripts/test-prerequisites.sh installs them)");
        var tokens = Path.Combine(_directory, "tokens");
        Directory.CreateDirectory(tokens);
        var config = Path.Combine(_directory, "softhsm2.conf");
        await File.WriteAllTextAsync(config, $"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n");
        var environment = new Dictionary<string, string> { ["SOFTHSM2_CONF"] = config };
        await RunAsync("softhsm2-util", environment, "--init-token", "--free", "--label", "vigil-test", "--so-pin", "1234", "--pin", "5678");
        await RunAsync("pkcs11-tool", environment, "--module", Module, "--token-label", "vigil-test", "--login", "--pin", "5678",
            "--keypairgen", "--key-type", "EC:edwards25519", "--label", "ledger", "--id", "01");
        var pem = Path.Combine(_directory, "ledger.pub.pem");
        await RunAsync("pkcs11-tool", environment, "--module", Module, "--token-label", "vigil-test", "--read-object", "--type", "pubkey",
            "--label", "ledger", "--output-file", pem);
        var publicKey = string.Concat((await File.ReadAllLinesAsync(pem)).Where(l => !l.StartsWith("-----", StringComparison.Ordinal)));
        var expected = new Ed25519NoteVerifier(Origin, Convert.FromBase64String(publicKey)[^32..]).VerifierKey;
        string[] Through(string pin) =>
            [.. Common, "--Ledger:Signer=command", "--Ledger:SignerCommand=/usr/bin/env", $"--Ledger:SignerArguments:0=SOFTHSM2_CONF={config}",
                $"--Ledger:SignerArguments:1=VIGIL_PKCS11_PIN={pin}", "--Ledger:SignerArguments:2=/bin/sh",
                $"--Ledger:SignerArguments:3={RepositoryPaths.File("scripts", "ledger-sign-pkcs11.sh")}", $"--Ledger:SignerArguments:4={Module}",
                "--Ledger:SignerArguments:5=vigil-test", "--Ledger:SignerArguments:6=ledger", $"--Ledger:SignerPublicKey={publicKey}"];

        Assert.Contains("CKR_PIN_INCORRECT", await StartFailureAsync(Through("0000")), StringComparison.Ordinal);

        await using var app = Program.BuildApp(Through("5678"));
        await app.StartAsync();
        var token = (await Seed.UserAsync(app.Services, Roles.Reporter)).Token;
        using var client = RunningServer.ClientFor(app, token);
        Assert.Equal(expected, (await client.GetStringAsync("/ledger/key")).Split('\n')[0]);
        var receipt = (await (await client.PostJsonAsync("/api/v1/incidents", Api.Report("signed on a token"))).JsonAsync())["receipt"]!.ToJsonString();
        ReceiptVerifier.Verify(receipt, [expected], Api.Report("signed on a token"));
        await app.StopAsync();
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

    private static Task OpenSslAsync(params string[] arguments) => RunAsync("openssl", new Dictionary<string, string>(), arguments);

    private static async Task RunAsync(string program, Dictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await output;
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, error);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
