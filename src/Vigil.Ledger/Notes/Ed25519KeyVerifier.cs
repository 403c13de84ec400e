namespace Vigil.Ledger.Notes;

/// <summary>
/// What every Ed25519 verifier of notes shares: a valid key name, a 32-byte public key, and the key ID and verifier
/// key string derived from both and the signature type.
/// </summary>
public abstract class Ed25519KeyVerifier : NoteVerifier
{
    private readonly NoteSignatureType _type;

    /// <summary>Checks the name and key and derives the key ID for signatures of <paramref name="type"/>.</summary>
    protected Ed25519KeyVerifier(string name, ReadOnlySpan<byte> publicKey, NoteSignatureType type)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!NoteText.IsValidName(name))
        {
            throw new FormatException("A key name must be non-empty, without spaces or '+'.");
        }

        if (publicKey.Length != Ed25519KeyPair.PublicKeySize)
        {
            throw new FormatException($"An Ed25519 public key is {Ed25519KeyPair.PublicKeySize} bytes.");
        }

        Name = name;
        _type = type;
        PublicKey = publicKey.ToArray();
        KeyId = NoteKeyId.Compute(name, type, PublicKey);
    }

    /// <inheritdoc/>
    public override string Name { get; }

    /// <summary>The key ID: SHA-256(name || 0x0A || type || public key)[:4].</summary>
    public override uint KeyId { get; }

    /// <summary>The verifier key string <c>name+hexkeyid+base64(type || public key)</c>.</summary>
    public string VerifierKey => NoteKeyString.FormatVerifierKey(Name, KeyId, _type, PublicKey);

    /// <summary>The 32-byte Ed25519 public key.</summary>
    protected byte[] PublicKey { get; }
}
