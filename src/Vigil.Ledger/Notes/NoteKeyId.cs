using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Vigil.Ledger.Notes;

/// <summary>Computes signed-note key IDs.</summary>
public static class NoteKeyId
{
    /// <summary>
    /// The key ID C2SP signed-note recommends, and Ed25519 and cosignature keys require:
    /// the first four bytes, big-endian, of SHA-256(name || 0x0A || type || public key).
    /// </summary>
    public static uint Compute(string name, NoteSignatureType type, ReadOnlySpan<byte> publicKey)
    {
        ArgumentNullException.ThrowIfNull(name);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[nameBytes.Length + 2 + publicKey.Length];
        nameBytes.CopyTo(input, 0);
        input[nameBytes.Length] = (byte)'\n';
        input[nameBytes.Length + 1] = (byte)type;
        publicKey.CopyTo(input.AsSpan(nameBytes.Length + 2));
        return FirstFourBytes(input);
    }

    /// <summary>The key ID of an ECDSA key (type 0x02): the first four bytes of SHA-256 of its DER SubjectPublicKeyInfo.</summary>
    public static uint ComputeForSubjectPublicKeyInfo(ReadOnlySpan<byte> subjectPublicKeyInfo) => FirstFourBytes(subjectPublicKeyInfo);

    /// <summary>Formats a key ID as the eight lowercase hex digits of verifier and signer keys.</summary>
    public static string ToHex(uint keyId) => keyId.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);

    private static uint FirstFourBytes(ReadOnlySpan<byte> input)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        return BinaryPrimitives.ReadUInt32BigEndian(hash);
    }
}
