namespace Vigil.Ledger.Notes;

/// <summary>
/// A signer whose every signature is checked with the public key it claims before anyone sees it: a signer held
/// elsewhere (an external program, a token, a key service) that answers with another key's signature, or garbage,
/// fails here instead of putting a checkpoint nobody can verify on the record.
/// </summary>
public sealed class VerifiedNoteSigner : NoteSigner
{
    private readonly NoteSigner _signer;
    private readonly NoteVerifier _verifier;

    /// <summary>Checks each signature of <paramref name="signer"/> with <paramref name="verifier"/>; both must carry the same name and key ID.</summary>
    public VerifiedNoteSigner(NoteSigner signer, NoteVerifier verifier)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(verifier);
        if (signer.Name != verifier.Name || signer.KeyId != verifier.KeyId)
        {
            throw new ArgumentException($"The signer {signer.Name}+{NoteKeyId.ToHex(signer.KeyId)} is not the key {verifier}.", nameof(verifier));
        }

        _signer = signer;
        _verifier = verifier;
    }

    /// <inheritdoc/>
    public override string Name => _signer.Name;

    /// <inheritdoc/>
    public override uint KeyId => _signer.KeyId;

    /// <summary>The key every signature is checked with.</summary>
    public NoteVerifier Verifier => _verifier;

    /// <inheritdoc/>
    /// <exception cref="LedgerVerificationException">The signature does not verify with the public key.</exception>
    public override byte[] Sign(ReadOnlySpan<byte> text)
    {
        var signature = _signer.Sign(text);
        if (!_verifier.Verify(text, signature))
        {
            throw new LedgerVerificationException($"The signer made a signature that does not verify with the public key {_verifier}: it signs with another key, or wrongly.");
        }

        return signature;
    }
}
