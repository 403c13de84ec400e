using Microsoft.Extensions.Options;
using Vigil.Ledger;
using Vigil.Ledger.Notes;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.Ledger;

/// <summary>
/// The log's signing key: an Ed25519 key file (loaded, refused if others may read it, or generated on first start with
/// owner-only permissions), or an external signer (Ledger:Signer=command) holding the key elsewhere. Built while the
/// server starts, and made to sign a test message there, so that a key file in the wrong state or a signer that does
/// not answer with the configured key's signature stops the start. Every signature is checked with the public key
/// before it is used. The verifier keys (current first, then retired ones) are public.
/// </summary>
public sealed partial class LedgerKeys : IDisposable
{
    /// <summary>Signed at start to try the signer: two lines that can never be read as a checkpoint (no tree size).</summary>
    private const string SignerCheckText = "Vigil ledger signer check\nnot a checkpoint\n";

    private readonly IDisposable? _ownedKey;

    public LedgerKeys(IOptions<LedgerOptions> options, IOptions<StorageOptions> storage, ILogger<LedgerKeys> logger)
    {
        var ledger = options.Value;
        Origin = ledger.Origin;
        var location = LedgerKeyLocation.Resolve(ledger, storage.Value);
        NoteSigner signer;
        Ed25519NoteVerifier publicKey;
        if (ledger.Signer == "command")
        {
            publicKey = new Ed25519NoteVerifier(Origin, CommandNoteSigner.ParsePublicKey(
                ledger.SignerPublicKey ?? throw new InvalidOperationException("Ledger:Signer is 'command': set Ledger:SignerPublicKey to the signer's Ed25519 public key.")));
            var command = new CommandNoteSigner(publicKey,
                ledger.SignerCommand ?? throw new InvalidOperationException("Ledger:Signer is 'command': set Ledger:SignerCommand to the program that signs."),
                ledger.SignerArguments, ledger.SignerTimeout);
            signer = command;
            Description = $"the signer command {command.Description}";
        }
        else
        {
            if (location.Warning is { } warning)
            {
                LogKeyInDataDirectory(logger, warning);
            }
            var file = File.Exists(location.KeyFile) ? Ed25519NoteSigner.Parse(OwnerOnlyFile.ReadAllText(location.KeyFile).Trim()) : CreateKeyFile(location.KeyFile, Origin);
            _ownedKey = file;
            if (file.Name != Origin)
            {
                file.Dispose();
                throw new InvalidOperationException($"The ledger key in {location.KeyFile} is for '{file.Name}', but Ledger:Origin is '{Origin}'.");
            }
            signer = file;
            publicKey = file.CreateVerifier();
            Description = $"the key file {location.KeyFile}";
        }
        Signer = new VerifiedNoteSigner(signer, publicKey);
        TrySigner();
        // Tried: from now on a failure is the signer's (a token pulled out), answered 503 and logged once.
        Signer = new FailureReportingSigner(Signer, logger);
        VerifierKeys = [publicKey.VerifierKey, .. ledger.RetiredVerifierKeys, .. ReadRetired(location.KeyFile)];
        Verifiers = NoteVerifierSet.Parse(VerifierKeys.Distinct());
    }

    /// <summary>The key file the settings name (or the one an earlier version left in the data directory), and any warning about its place.</summary>
    public static string KeyFilePath(LedgerOptions options, StorageOptions storage) => LedgerKeyLocation.Resolve(options, storage).KeyFile;

    /// <summary>Beside the key file: the verifier keys of the keys it replaced, one per line.</summary>
    public static string RetiredKeysPath(string keyFile) => keyFile + ".retired";

    /// <summary>
    /// Replaces the signing key: the old verifier key joins the retired list first (so nothing it signed ever stops
    /// verifying), then a new key takes the old one's place. A running server keeps its key until it restarts.
    /// </summary>
    public static string Rotate(string keyFile)
    {
        using var old = Ed25519NoteSigner.Parse(OwnerOnlyFile.ReadAllText(keyFile).Trim());
        File.AppendAllText(RetiredKeysPath(keyFile), old.VerifierKey + "\n");
        var replacement = keyFile + ".new";
        File.Delete(replacement);
        using var signer = CreateKeyFile(replacement, old.Name);
        File.Move(replacement, keyFile, overwrite: true);
        return signer.VerifierKey;
    }

    private static IEnumerable<string> ReadRetired(string keyFile) =>
        File.Exists(RetiredKeysPath(keyFile))
            ? File.ReadAllLines(RetiredKeysPath(keyFile)).Select(l => l.Trim()).Where(l => l.Length > 0)
            : [];

    public string Origin { get; }

    /// <summary>Signs checkpoints; each signature is checked with the public key before it is returned.</summary>
    public NoteSigner Signer { get; }

    /// <summary>Where the key is, for messages: the key file or the signer command.</summary>
    public string Description { get; }

    /// <summary>The current verifier key first, then those of retired keys.</summary>
    public IReadOnlyList<string> VerifierKeys { get; }

    public NoteVerifierSet Verifiers { get; }

    private void TrySigner()
    {
        try
        {
            Signer.SignText(SignerCheckText);
        }
        catch (Exception e) when (e is LedgerVerificationException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            _ownedKey?.Dispose();
            throw new InvalidOperationException($"The log cannot sign with {Description}: {e.Message}", e);
        }
    }

    private static Ed25519NoteSigner CreateKeyFile(string path, string origin)
    {
        var signer = Ed25519NoteSigner.Generate(origin);
        OwnerOnlyFile.CreateText(path, signer.SignerKey);
        return signer;
    }

    public void Dispose() => _ownedKey?.Dispose();

    [LoggerMessage(EventId = 3025, Level = LogLevel.Warning, Message = "{Warning}")]
    private static partial void LogKeyInDataDirectory(ILogger logger, string warning);
}
