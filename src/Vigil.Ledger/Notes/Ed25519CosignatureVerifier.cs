namespace Vigil.Ledger.Notes;

/// <summary>
/// Verifies C2SP tlog-cosignature v1 Ed25519 cosignatures (signature type 0x04) made by a witness over a
/// checkpoint: an Ed25519 signature over <c>cosignature/v1\ntime &lt;t&gt;\n</c> plus the checkpoint text.
/// </summary>
public sealed class Ed25519CosignatureVerifier : NoteVerifier
{
    private readonly byte[] _publicKey;

    /// <summary>A verifier for the witness <paramref name="name"/> with the 32-byte Ed25519 <paramref name="publicKey"/>.</summary>
    public Ed25519CosignatureVerifier(string name, ReadOnlySpan<byte> publicKey)
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
        KeyId = NoteKeyId.Compute(name, NoteSignatureType.Ed25519Cosignature, _publicKey);
    }

    /// <inheritdoc/>
    public override string Name { get; }

    /// <summary>The key ID, SHA-256(name || 0x0A || 0x04 || public key)[:4], as tlog-cosignature requires.</summary>
    public override uint KeyId { get; }

    /// <summary>The verifier key string <c>name+hexkeyid+base64(0x04 || public key)</c>.</summary>
    public string VerifierKey => NoteKeyString.FormatVerifierKey(Name, KeyId, NoteSignatureType.Ed25519Cosignature, _publicKey);

    /// <summary>
    /// The time a cosignature claims it was made (seconds since the Unix epoch). Throws
    /// <see cref="FormatException"/> if the signature is not a timestamped Ed25519 cosignature.
    /// </summary>
    public static DateTimeOffset ReadTimestamp(NoteSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        if (!CosignedMessage.TrySplit(signature.Signature, out var timestamp, out _) || timestamp > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            throw new FormatException("Not a timestamped Ed25519 cosignature.");
        }

        return DateTimeOffset.FromUnixTimeSeconds(timestamp);
    }

    /// <inheritdoc/>
    public override bool Verify(ReadOnlySpan<byte> text, ReadOnlySpan<byte> signature) =>
        CosignedMessage.TrySplit(signature, out var timestamp, out var ed25519Signature) &&
        Ed25519KeyPair.Verify(_publicKey, CosignedMessage.Build(timestamp, text), ed25519Signature);
}
