namespace Vigil.Ledger;

/// <summary>
/// A Merkle tree kept in memory with the hash of every complete subtree, level by level, so that roots and
/// proofs read O(log n) hashes. Useful for tests, tools and caches; a server keeps the same nodes in its database.
/// </summary>
/// <remarks>Not thread-safe for writers; concurrent reads while nobody appends are safe.</remarks>
public sealed class InMemoryHashStore : IHashReader
{
    private readonly List<List<byte[]>> _levels = [];
    private readonly TreeFrontier _frontier = new();

    /// <summary>The number of leaves.</summary>
    public long Size => _frontier.Size;

    /// <summary>Appends a leaf hash and returns its index.</summary>
    public long AppendLeafHash(ReadOnlySpan<byte> leafHash) => _frontier.Append(leafHash, Store);

    /// <summary>Hashes <paramref name="data"/> as a leaf, appends it and returns its index.</summary>
    public long AppendLeaf(ReadOnlySpan<byte> data) => AppendLeafHash(MerkleHash.HashLeaf(data));

    /// <summary>The root hash of the whole tree.</summary>
    public byte[] Root() => _frontier.Root();

    /// <summary>The stored hash of a complete subtree.</summary>
    public byte[] ReadHash(NodeId node)
    {
        if (node.Level < 0 || node.Level >= _levels.Count || node.Index < 0 || node.Index >= _levels[node.Level].Count)
        {
            throw new KeyNotFoundException($"No complete subtree {node} in a tree of {Size} leaves.");
        }

        return _levels[node.Level][(int)node.Index];
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<byte[]>> ReadHashesAsync(IReadOnlyList<NodeId> nodes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var hashes = new byte[nodes.Count][];
        for (var i = 0; i < nodes.Count; i++)
        {
            hashes[i] = ReadHash(nodes[i]);
        }

        return ValueTask.FromResult<IReadOnlyList<byte[]>>(hashes);
    }

    private void Store(NodeId node, byte[] hash)
    {
        if (node.Level == _levels.Count)
        {
            _levels.Add([]);
        }

        _levels[node.Level].Add(hash);
    }
}
