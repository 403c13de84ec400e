namespace Vigil.Ledger.Notes;

/// <summary>A known public key that checks note signatures made under one name and key ID.</summary>
public abstract class NoteVerifier
{
    /// <summary>The key name the signature line must carry.</summary>
    public abstract string Name { get; }

    /// <summary>The key ID the signature must start with.</summary>
    public abstract uint KeyId { get; }

    /// <summary>Whether <paramref name="signature"/> (without its key ID) is valid over the note text.</summary>
    public abstract bool Verify(ReadOnlySpan<byte> text, ReadOnlySpan<byte> signature);

    /// <summary>
    /// Parses a verifier key <c>name+hexkeyid+base64(type || public key)</c>: type 0x01 (Ed25519) or 0x04
    /// (Ed25519 witness cosignature). Throws <see cref="FormatException"/> if the key is malformed, its key ID
    /// does not match, or its type is not one of those.
    /// </summary>
    public static NoteVerifier Parse(string verifierKey)
    {
        var (name, type, publicKey) = NoteKeyString.ParseVerifierKey(verifierKey);
        return type switch
        {
            NoteSignatureType.Ed25519 => new Ed25519NoteVerifier(name, publicKey),
            NoteSignatureType.Ed25519Cosignature => new Ed25519CosignatureVerifier(name, publicKey),
            _ => throw new FormatException($"Verifier key of unknown signature type 0x{(byte)type:x2}."),
        };
    }

    /// <summary>The name and key ID as <c>name+hexkeyid</c>, as error messages name keys.</summary>
    public override string ToString() => $"{Name}+{NoteKeyId.ToHex(KeyId)}";
}
