namespace Vigil.Ledger.Notes;

/// <summary>
/// Verifies C2SP tlog-cosignature v1 Ed25519 cosignatures (signature type 0x04) made by a witness over a
/// checkpoint: an Ed25519 signature over <c>cosignature/v1\ntime &lt;t&gt;\n</c> plus the checkpoint text.
/// </summary>
/// <remarks>A verifier for the witness <paramref name="name"/> with the 32-byte Ed25519 <paramref name="publicKey"/>.</remarks>
public sealed class Ed25519CosignatureVerifier(string name, ReadOnlySpan<byte> publicKey)
    : Ed25519KeyVerifier(name, publicKey, NoteSignatureType.Ed25519Cosignature)
{
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
        Ed25519KeyPair.Verify(PublicKey, CosignedMessage.Build(timestamp, text), ed25519Signature);
}
