namespace Vigil.Ledger.Tiles;

/// <summary>
/// A C2SP tlog-tiles resource: tile <see cref="Index"/> at <see cref="Level"/> holding <see cref="Width"/>
/// consecutive hashes of complete subtrees of height 8 × level, or, at <see cref="EntriesLevel"/>, the entry
/// bundle with the same index and width as the level 0 tile.
/// </summary>
/// <param name="Level">Tile level, 0 to 63, or <see cref="EntriesLevel"/> for an entry bundle.</param>
/// <param name="Index">Tile index within the level.</param>
/// <param name="Width">Number of hashes (or entries), 1 to 256; 256 is a full tile.</param>
public readonly record struct TileId(int Level, long Index, int Width)
{
    /// <summary>Hashes in a full tile.</summary>
    public const int FullWidth = 256;

    /// <summary>Tree levels spanned by one tile level.</summary>
    public const int Height = 8;

    /// <summary>The level that stands for entry bundles (<c>tile/entries/...</c>).</summary>
    public const int EntriesLevel = -1;

    /// <summary>The highest tile level.</summary>
    public const int MaxLevel = 63;

    /// <summary>Whether this is an entry bundle rather than a hash tile.</summary>
    public bool IsEntryBundle => Level == EntriesLevel;

    /// <summary>Whether the tile is full (256 wide) rather than partial.</summary>
    public bool IsFull => Width == FullWidth;

    /// <summary>The resource path, <c>tile/&lt;L&gt;/&lt;N&gt;[.p/&lt;W&gt;]</c> or <c>tile/entries/&lt;N&gt;[.p/&lt;W&gt;]</c>.</summary>
    public string Path => TilePath.Format(this);

    /// <summary>The tree level (height above the leaves) of the hashes in this tile; 0 for an entry bundle.</summary>
    public int TreeLevel => IsEntryBundle ? 0 : Level * Height;

    /// <summary>The nodes whose hashes this tile holds, left to right.</summary>
    public IEnumerable<NodeId> Nodes()
    {
        var first = Index * FullWidth;
        var level = TreeLevel;
        return Enumerable.Range(0, Width).Select(i => new NodeId(level, first + i));
    }

    /// <summary>Whether a tree of <paramref name="treeSize"/> leaves contains every hash (or entry) of this tile.</summary>
    public bool FitsTreeSize(long treeSize) =>
        Width is >= 1 and <= FullWidth && Index >= 0 && (Index * FullWidth) + Width <= CompleteNodes(TreeLevel, treeSize);

    /// <summary>
    /// The tiles of a tree of <paramref name="treeSize"/> leaves at one level (full ones, then the partial one if any),
    /// starting at tile <paramref name="fromIndex"/>.
    /// </summary>
    public static IEnumerable<TileId> ForTreeSize(int level, long treeSize, long fromIndex = 0)
    {
        var count = CompleteNodes(level == EntriesLevel ? 0 : level * Height, treeSize);
        for (var index = fromIndex; index * FullWidth < count; index++)
        {
            yield return new TileId(level, index, (int)Math.Min(FullWidth, count - (index * FullWidth)));
        }
    }

    /// <summary>
    /// The hash tiles (all levels, no entry bundles) that are new or changed when the tree grows from
    /// <paramref name="oldSize"/> to <paramref name="newSize"/>; from 0, every tile of the tree.
    /// </summary>
    public static IEnumerable<TileId> ChangedByGrowth(long oldSize, long newSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(oldSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(newSize, oldSize);
        for (var level = 0; level <= MaxLevel && CompleteNodes(level * Height, newSize) > 0; level++)
        {
            var oldCount = CompleteNodes(level * Height, oldSize);
            foreach (var tile in ForTreeSize(level, newSize, oldCount / FullWidth))
            {
                if ((tile.Index * FullWidth) + tile.Width > oldCount)
                {
                    yield return tile;
                }
            }
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Path;

    private static long CompleteNodes(int treeLevel, long treeSize) => treeLevel >= 63 ? 0 : treeSize >> treeLevel;
}
