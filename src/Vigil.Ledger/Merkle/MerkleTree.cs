namespace Vigil.Ledger;

/// <summary>RFC 9162 Merkle Tree Hash (MTH) of a list of leaves.</summary>
public static class MerkleTree
{
    /// <summary>
    /// The root hash of the tree whose leaves have the given leaf hashes (computed with
    /// <see cref="MerkleHash.HashLeaf"/>). Pass a slice to get the root of a range of leaves.
    /// </summary>
    public static byte[] ComputeRoot(ReadOnlySpan<byte[]> leafHashes)
    {
        var frontier = new TreeFrontier();
        foreach (var leafHash in leafHashes)
        {
            frontier.Append(leafHash);
        }

        return frontier.Root();
    }

    /// <summary>The root hash of the tree of <paramref name="treeSize"/> leaves, from O(log n) stored hashes.</summary>
    public static async ValueTask<byte[]> ComputeRootAsync(IHashReader reader, long treeSize, CancellationToken cancellationToken = default)
    {
        var frontier = await TreeFrontier.LoadAsync(reader, treeSize, cancellationToken).ConfigureAwait(false);
        return frontier.Root();
    }
}
