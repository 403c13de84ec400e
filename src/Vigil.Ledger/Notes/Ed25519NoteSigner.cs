namespace Vigil.Ledger.Notes;

/// <summary>
/// An Ed25519 note signing key (signature type 0x01), such as a log's checkpoint key. Its
/// <see cref="SignerKey"/> string is secret; its <see cref="VerifierKey"/> is published.
/// </summary>
public sealed class Ed25519NoteSigner : NoteSigner, IDisposable
{
    private readonly Ed25519KeyPair _key;

    private Ed25519NoteSigner(string name, Ed25519KeyPair key)
    {
        if (!NoteText.IsValidName(name))
        {
            key.Dispose();
            throw new FormatException("A key name must be non-empty, without spaces or '+'.");
        }

        Name = name;
        _key = key;
        KeyId = NoteKeyId.Compute(name, NoteSignatureType.Ed25519, key.PublicKey);
    }

    /// <inheritdoc/>
    public override string Name { get; }

    /// <inheritdoc/>
    public override uint KeyId { get; }

    /// <summary>The 32-byte Ed25519 public key.</summary>
    public ReadOnlySpan<byte> PublicKey => _key.PublicKey;

    /// <summary>The secret signer key string <c>PRIVATE+KEY+name+hexkeyid+base64(0x01 || seed)</c>.</summary>
    public string SignerKey => NoteKeyString.FormatSignerKey(Name, KeyId, NoteSignatureType.Ed25519, _key.Seed);

    /// <summary>The public verifier key string <c>name+hexkeyid+base64(0x01 || public key)</c>.</summary>
    public string VerifierKey => NoteKeyString.FormatVerifierKey(Name, KeyId, NoteSignatureType.Ed25519, _key.PublicKey);

    /// <summary>Generates a new key under <paramref name="name"/> from the system's secure random numbers.</summary>
    public static Ed25519NoteSigner Generate(string name) => new(name, Ed25519KeyPair.Generate());

    /// <summary>Creates the signer for a known 32-byte Ed25519 seed.</summary>
    public static Ed25519NoteSigner FromSeed(string name, ReadOnlySpan<byte> seed) => new(name, new Ed25519KeyPair(seed));

    /// <summary>Parses a signer key string; throws <see cref="FormatException"/> if malformed or its key ID does not match.</summary>
    public static Ed25519NoteSigner Parse(string signerKey)
    {
        var (name, keyId, type, seed) = NoteKeyString.ParseSignerKey(signerKey);
        if (type != NoteSignatureType.Ed25519 || seed.Length != Ed25519KeyPair.SeedSize)
        {
            throw new FormatException("Not an Ed25519 signer key.");
        }

        var signer = FromSeed(name, seed);
        if (signer.KeyId != keyId)
        {
            signer.Dispose();
            throw new FormatException("Signer key ID does not match the key.");
        }

        return signer;
    }

    /// <summary>The verifier for this key.</summary>
    public Ed25519NoteVerifier CreateVerifier() => new(Name, _key.PublicKey);

    /// <inheritdoc/>
    public override byte[] Sign(ReadOnlySpan<byte> text) => _key.Sign(text);

    /// <inheritdoc/>
    public void Dispose() => _key.Dispose();
}
