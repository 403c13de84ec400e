using Microsoft.Extensions.Options;
using Vigil.Ledger.Notes;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.Ledger;

/// <summary>
/// The public keys the audit checks checkpoints with. The audit needs nothing secret, and it must never make a key:
/// a new key would sign nothing stored, so every checkpoint would look edited. The keys are the ones given (the
/// log's verifier keys, as GET /ledger/key prints them), or else read from the configured signer: the external
/// signer's public key, or the key file and its retired keys if they exist.
/// </summary>
public sealed record LedgerAuditKeys(string Origin, NoteVerifierSet Verifiers)
{
    /// <summary>From the settings: used when the audit runs inside the server's services (the key file exists there).</summary>
    public static LedgerAuditKeys FromSettings(IOptions<LedgerOptions> ledger, IOptions<StorageOptions> storage) => Read(ledger.Value, storage.Value, []);

    /// <summary>The given verifier keys, or the configured ones; throws <see cref="LedgerAuditKeysMissingException"/> when there are none.</summary>
    public static LedgerAuditKeys Read(LedgerOptions ledger, StorageOptions storage, IReadOnlyList<string> given)
    {
        if (given.Count > 0)
        {
            return new(ledger.Origin, NoteVerifierSet.Parse([.. given, .. ledger.RetiredVerifierKeys]));
        }
        if (ledger.Signer == "command")
        {
            var publicKey = ledger.SignerPublicKey ?? throw new LedgerAuditKeysMissingException(
                "Ledger:Signer is 'command' but Ledger:SignerPublicKey is not set. " + Advice);
            var verifier = new Ed25519NoteVerifier(ledger.Origin, CommandNoteSigner.ParsePublicKey(publicKey));
            return new(ledger.Origin, NoteVerifierSet.Parse([verifier.VerifierKey, .. ledger.RetiredVerifierKeys]));
        }
        var keyFile = LedgerKeyLocation.Resolve(ledger, storage).KeyFile;
        if (!File.Exists(keyFile))
        {
            throw new LedgerAuditKeysMissingException($"There is no key file at {keyFile} (none is made for an audit). " + Advice);
        }
        using var signer = Ed25519NoteSigner.Parse(OwnerOnlyFile.ReadAllText(keyFile).Trim());
        if (signer.Name != ledger.Origin)
        {
            throw new InvalidOperationException($"The ledger key in {keyFile} is for '{signer.Name}', but Ledger:Origin is '{ledger.Origin}'.");
        }
        var retiredFile = LedgerKeys.RetiredKeysPath(keyFile);
        IEnumerable<string> retired = File.Exists(retiredFile) ? File.ReadAllLines(retiredFile).Select(l => l.Trim()).Where(l => l.Length > 0) : [];
        string[] keys = [signer.VerifierKey, .. ledger.RetiredVerifierKeys, .. retired];
        return new(ledger.Origin, NoteVerifierSet.Parse(keys.Distinct()));
    }

    private const string Advice =
        "Pass the log's verifier key with --key (as GET /ledger/key prints it; repeat --key for each rotated key), "
        + "or point Ledger:KeyFile at the log's key file.";
}

/// <summary>No verifier key was given and none is configured: the audit cannot check a single checkpoint.</summary>
public sealed class LedgerAuditKeysMissingException(string message) : InvalidOperationException(message);
