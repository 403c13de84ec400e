using Microsoft.Extensions.Options;
using Vigil.Ledger.Notes;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.Ledger;

/// <summary>
/// The log's signing key: loaded from its file (refused if others may read it), or generated there on first start with
/// owner-only permissions. Built while the server starts, so a key file in the wrong state stops the start.
/// The secret never leaves this object; the verifier keys (current first, then retired ones) are public.
/// </summary>
public sealed class LedgerKeys : IDisposable
{
    public LedgerKeys(IOptions<LedgerOptions> options, IOptions<StorageOptions> storage)
    {
        var path = KeyFilePath(options.Value, storage.Value);
        Origin = options.Value.Origin;
        Signer = File.Exists(path) ? Ed25519NoteSigner.Parse(OwnerOnlyFile.ReadAllText(path).Trim()) : CreateKeyFile(path, Origin);
        if (Signer.Name != Origin)
        {
            throw new InvalidOperationException($"The ledger key in {path} is for '{Signer.Name}', but Ledger:Origin is '{Origin}'.");
        }
        VerifierKeys = [Signer.VerifierKey, .. options.Value.RetiredVerifierKeys, .. ReadRetired(path)];
        Verifiers = NoteVerifierSet.Parse(VerifierKeys.Distinct());
    }

    public static string KeyFilePath(LedgerOptions options, StorageOptions storage) =>
        options.KeyFile ?? Path.Combine(storage.DataDirectory, "ledger-signer.key");

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

    public Ed25519NoteSigner Signer { get; }

    /// <summary>The current verifier key first, then those of retired keys.</summary>
    public IReadOnlyList<string> VerifierKeys { get; }

    public NoteVerifierSet Verifiers { get; }

    private static Ed25519NoteSigner CreateKeyFile(string path, string origin)
    {
        var signer = Ed25519NoteSigner.Generate(origin);
        OwnerOnlyFile.CreateText(path, signer.SignerKey);
        return signer;
    }

    public void Dispose() => Signer.Dispose();
}
