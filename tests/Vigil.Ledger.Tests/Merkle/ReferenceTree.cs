namespace Vigil.Ledger.Tests.Merkle;

/// <summary>
/// A test tree of 5,000 leaves, and the RFC 9162 Merkle Tree Hash written as the RFC's recursive definition,
/// independently of the library's frontier code, to check the library against.
/// </summary>
internal static class ReferenceTree
{
    public const int MaxSize = 5000;

    public static readonly byte[][] LeafHashes =
        [.. Enumerable.Range(0, MaxSize).Select(i => MerkleHash.HashLeaf(BitConverter.GetBytes(i * 7919)))];

    public static readonly InMemoryHashStore Store = Build();

    public static byte[] Root(int size) => Mth(0, size);

    public static byte[] FlipBit(byte[] hash, int bit)
    {
        var copy = (byte[])hash.Clone();
        copy[bit / 8 % copy.Length] ^= (byte)(1 << (bit % 8));
        return copy;
    }

    private static byte[] Mth(int begin, int end)
    {
        if (end - begin == 1)
        {
            return LeafHashes[begin];
        }

        var k = 1;
        while (k * 2 < end - begin)
        {
            k *= 2;
        }

        return MerkleHash.HashChildren(Mth(begin, begin + k), Mth(begin + k, end));
    }

    private static InMemoryHashStore Build()
    {
        var store = new InMemoryHashStore();
        foreach (var hash in LeafHashes)
        {
            store.AppendLeafHash(hash);
        }

        return store;
    }
}
