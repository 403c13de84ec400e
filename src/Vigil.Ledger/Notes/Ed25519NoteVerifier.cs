namespace Vigil.Ledger.Notes;

/// <summary>Verifies Ed25519 note signatures (signature type 0x01).</summary>
/// <remarks>A verifier for the 32-byte Ed25519 <paramref name="publicKey"/> under <paramref name="name"/>.</remarks>
public sealed class Ed25519NoteVerifier(string name, ReadOnlySpan<byte> publicKey)
    : Ed25519KeyVerifier(name, publicKey, NoteSignatureType.Ed25519)
{
    /// <inheritdoc/>
    public override bool Verify(ReadOnlySpan<byte> text, ReadOnlySpan<byte> signature) =>
        Ed25519KeyPair.Verify(PublicKey, text, signature);
}
