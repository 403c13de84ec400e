using Microsoft.Extensions.Options;
using Vigil.Ledger.Notes;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.Ledger;

/// <summary>
/// The log's signing key: loaded from its file, or generated there on first start with owner-only permissions.
/// The secret never leaves this object; the verifier keys (current first, then retired ones) are public.
/// </summary>
public sealed class LedgerKeys : IDisposable
{
    public LedgerKeys(IOptions<LedgerOptions> options, IOptions<StorageOptions> storage)
    {
        var path = options.Value.KeyFile ?? Path.Combine(storage.Value.DataDirectory, "ledger-signer.key");
        Origin = options.Value.Origin;
        Signer = File.Exists(path) ? Ed25519NoteSigner.Parse(File.ReadAllText(path).Trim()) : CreateKeyFile(path, Origin);
        if (Signer.Name != Origin)
        {
            throw new InvalidOperationException($"The ledger key in {path} is for '{Signer.Name}', but Ledger:Origin is '{Origin}'.");
        }
        VerifierKeys = [Signer.VerifierKey, .. options.Value.RetiredVerifierKeys];
        Verifiers = NoteVerifierSet.Parse(VerifierKeys);
    }

    public string Origin { get; }

    public Ed25519NoteSigner Signer { get; }

    /// <summary>The current verifier key first, then those of retired keys.</summary>
    public IReadOnlyList<string> VerifierKeys { get; }

    public NoteVerifierSet Verifiers { get; }

    private static Ed25519NoteSigner CreateKeyFile(string path, string origin)
    {
        var signer = Ed25519NoteSigner.Generate(origin);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var writer = new StreamWriter(path, options))
        {
            writer.WriteLine(signer.SignerKey);
        }
        return signer;
    }

    public void Dispose() => Signer.Dispose();
}
