using System.Security.Cryptography;

namespace Vigil.Ledger;

/// <summary>
/// The RFC 9162 (RFC 6962) hash functions of the Merkle tree: SHA-256 with a one-byte domain separator
/// so that a leaf can never be mistaken for an interior node.
/// </summary>
public static class MerkleHash
{
    /// <summary>The length in bytes of every hash in the tree.</summary>
    public const int Size = 32;

    private const byte LeafPrefix = 0x00;
    private const byte NodePrefix = 0x01;

    /// <summary>The root of the empty tree: SHA-256 of the empty string.</summary>
    public static byte[] EmptyTreeRoot => SHA256.HashData(ReadOnlySpan<byte>.Empty);

    /// <summary>Hashes leaf data: SHA-256(0x00 || data).</summary>
    public static byte[] HashLeaf(ReadOnlySpan<byte> data)
    {
        if (data.Length <= 512)
        {
            Span<byte> input = stackalloc byte[1 + data.Length];
            input[0] = LeafPrefix;
            data.CopyTo(input[1..]);
            return SHA256.HashData(input);
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData([LeafPrefix]);
        hash.AppendData(data);
        return hash.GetHashAndReset();
    }

    /// <summary>Hashes two child hashes into their parent: SHA-256(0x01 || left || right).</summary>
    public static byte[] HashChildren(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var result = new byte[Size];
        HashChildren(left, right, result);
        return result;
    }

    /// <summary>Hashes two child hashes into <paramref name="destination"/>, which must hold 32 bytes.</summary>
    public static void HashChildren(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        if (left.Length != Size || right.Length != Size)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hash.AppendData([NodePrefix]);
            hash.AppendData(left);
            hash.AppendData(right);
            hash.GetHashAndReset(destination);
            return;
        }

        Span<byte> input = stackalloc byte[1 + (2 * Size)];
        input[0] = NodePrefix;
        left.CopyTo(input[1..]);
        right.CopyTo(input[(1 + Size)..]);
        SHA256.HashData(input, destination);
    }
}
