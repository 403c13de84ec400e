namespace Vigil.Ledger.Notes;

/// <summary>Verifies Ed25519 note signatures (signature type 0x01).</summary>
public sealed class Ed25519NoteVerifier : NoteVerifier
{
    private readonly byte[] _publicKey;

    /// <summary>A verifier for the 32-byte Ed25519 <paramref name="publicKey"/> under <paramref name="name"/>.</summary>
    public Ed25519NoteVerifier(string name, ReadOnlySpan<byte> publicKey)
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
        _publicKey = publicKey.ToArray();
        KeyId = NoteKeyId.Compute(name, NoteSignatureType.Ed25519, _publicKey);
    }

    /// <inheritdoc/>
    public override string Name { get; }

    /// <inheritdoc/>
    public override uint KeyId { get; }

    /// <summary>The verifier key string <c>name+hexkeyid+base64(0x01 || public key)</c>.</summary>
    public string VerifierKey => NoteKeyString.FormatVerifierKey(Name, KeyId, NoteSignatureType.Ed25519, _publicKey);

    /// <inheritdoc/>
    public override bool Verify(ReadOnlySpan<byte> text, ReadOnlySpan<byte> signature) =>
        Ed25519KeyPair.Verify(_publicKey, text, signature);
}
