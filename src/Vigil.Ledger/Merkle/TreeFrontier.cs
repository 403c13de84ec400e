namespace Vigil.Ledger;

/// <summary>
/// The right edge of a Merkle tree (also called a compact range over <c>[0, size)</c>): the hashes of the
/// complete subtrees that together cover every leaf. It is all that is needed to append leaves and compute
/// the new root, so a log can integrate a batch after reading O(log n) stored hashes.
/// </summary>
/// <remarks>Not thread-safe: a log has one writer at a time (the database sequences appends).</remarks>
public sealed class TreeFrontier
{
    private readonly List<NodeId> _nodes = [];
    private readonly List<byte[]> _hashes = [];

    /// <summary>Starts an empty tree.</summary>
    public TreeFrontier()
    {
    }

    private TreeFrontier(IReadOnlyList<NodeId> nodes, IReadOnlyList<byte[]> hashes, long size)
    {
        _nodes.AddRange(nodes);
        foreach (var hash in hashes)
        {
            _hashes.Add(RequireHash(hash));
        }

        Size = size;
    }

    /// <summary>The number of leaves in the tree.</summary>
    public long Size { get; private set; }

    /// <summary>The complete subtrees covering the tree, left to right, largest first.</summary>
    public IReadOnlyList<NodeId> Nodes => _nodes;

    /// <summary>The hashes of <see cref="Nodes"/>, in the same order.</summary>
    public IReadOnlyList<byte[]> Hashes => _hashes;

    /// <summary>The nodes whose hashes make up the frontier of a tree of <paramref name="size"/> leaves.</summary>
    public static IReadOnlyList<NodeId> NodesFor(long size) => NodeId.CoveringRange(0, size);

    /// <summary>Builds the frontier of a tree of <paramref name="size"/> leaves from stored hashes.</summary>
    public static async ValueTask<TreeFrontier> LoadAsync(IHashReader reader, long size, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var nodes = NodesFor(size);
        var hashes = nodes.Count == 0 ? [] : await reader.ReadHashesAsync(nodes, cancellationToken).ConfigureAwait(false);
        if (hashes.Count != nodes.Count)
        {
            throw new InvalidOperationException($"The hash reader returned {hashes.Count} hashes for {nodes.Count} nodes.");
        }

        return new TreeFrontier(nodes, hashes, size);
    }

    /// <summary>
    /// Appends one leaf hash. <paramref name="onNewNode"/>, if given, receives every complete subtree the append
    /// creates (the leaf itself first, then each parent completed by it), so a caller can store them.
    /// </summary>
    /// <returns>The index of the appended leaf.</returns>
    public long Append(ReadOnlySpan<byte> leafHash, Action<NodeId, byte[]>? onNewNode = null)
    {
        var index = Size;
        var node = new NodeId(0, index);
        var hash = RequireHash(leafHash.ToArray());
        onNewNode?.Invoke(node, hash);
        while (_nodes.Count > 0 && _nodes[^1].Level == node.Level)
        {
            hash = MerkleHash.HashChildren(_hashes[^1], hash);
            node = new NodeId(node.Level + 1, node.Index >> 1);
            _nodes.RemoveAt(_nodes.Count - 1);
            _hashes.RemoveAt(_hashes.Count - 1);
            onNewNode?.Invoke(node, hash);
        }

        _nodes.Add(node);
        _hashes.Add(hash);
        Size = index + 1;
        return index;
    }

    /// <summary>The RFC 9162 root hash of the tree as it stands.</summary>
    public byte[] Root() => FoldFromRight(_hashes);

    internal static byte[] FoldFromRight(IReadOnlyList<byte[]> hashes)
    {
        if (hashes.Count == 0)
        {
            return MerkleHash.EmptyTreeRoot;
        }

        var root = hashes[^1];
        for (var i = hashes.Count - 2; i >= 0; i--)
        {
            root = MerkleHash.HashChildren(hashes[i], root);
        }

        return root;
    }

    private static byte[] RequireHash(byte[] hash) =>
        hash.Length == MerkleHash.Size ? hash : throw new ArgumentException($"A tree hash must be {MerkleHash.Size} bytes.", nameof(hash));
}
