namespace Vigil.Ledger;

/// <summary>
/// Identifies a complete (perfect) subtree of the Merkle tree: the node at height <see cref="Level"/>
/// whose leaves are <c>[Index * 2^Level, (Index + 1) * 2^Level)</c>. Level 0 nodes are the leaf hashes.
/// Such a node never changes once the tree has grown past it, so it can be stored.
/// </summary>
/// <param name="Level">Height above the leaves (0 to 62).</param>
/// <param name="Index">Position of the node among the nodes of its level, from the left.</param>
public readonly record struct NodeId(int Level, long Index)
{
    /// <summary>The index of the first leaf under this node.</summary>
    public long FirstLeaf => Index << Level;

    /// <summary>The number of leaves under this node.</summary>
    public long LeafCount => 1L << Level;

    /// <summary>The index one past the last leaf under this node.</summary>
    public long EndLeaf => FirstLeaf + LeafCount;

    /// <summary>
    /// The complete subtrees that make up the leaf range <c>[begin, end)</c>, left to right, each as large as
    /// its alignment allows. For the range <c>[0, n)</c> these are the subtrees whose roots fold into the root of
    /// the tree of size n.
    /// </summary>
    public static IReadOnlyList<NodeId> CoveringRange(long begin, long end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(begin);
        ArgumentOutOfRangeException.ThrowIfLessThan(end, begin);
        var nodes = new List<NodeId>();
        while (begin < end)
        {
            var level = Math.Min(
                begin == 0 ? 62 : long.TrailingZeroCount(begin),
                63 - long.LeadingZeroCount(end - begin));
            var node = new NodeId((int)level, begin >> (int)level);
            nodes.Add(node);
            begin = node.EndLeaf;
        }

        return nodes;
    }

    /// <summary>
    /// The node packed into one non-negative long (level in the top 6 bits below the sign, index in the low 57),
    /// for a single-column database key. Trees up to 2^57 leaves fit.
    /// </summary>
    public long ToStorageKey()
    {
        if (Level is < 0 or > 62 || Index < 0 || Index >= 1L << 57)
        {
            throw new InvalidOperationException($"Node {this} does not fit a storage key.");
        }

        return ((long)Level << 57) | Index;
    }

    /// <summary>The node packed by <see cref="ToStorageKey"/>.</summary>
    public static NodeId FromStorageKey(long key)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(key);
        return new NodeId((int)(key >> 57), key & ((1L << 57) - 1));
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Level}/{Index}";
}
