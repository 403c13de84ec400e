namespace Vigil.Ledger.Tiles;

/// <summary>
/// Reads complete-subtree hashes of a tree of known size from its tiles, so that roots and proofs can be
/// computed from a tiled log (local or remote). Each tile is fetched once per call; hashes between tile
/// levels are recomputed from the tile's hashes, as tlog-tiles intends.
/// </summary>
/// <param name="tiles">Where the tiles come from.</param>
/// <param name="treeSize">The size of the tree (from a verified checkpoint); it decides which partial tiles exist.</param>
public sealed class TileHashReader(ITileReader tiles, long treeSize) : IHashReader
{
    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<byte[]>> ReadHashesAsync(IReadOnlyList<NodeId> nodes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var fetched = new Dictionary<TileId, byte[][]>();
        var result = new byte[nodes.Count][];
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            if (node.Level < 0 || node.Index < 0 || node.EndLeaf > treeSize)
            {
                throw new ArgumentOutOfRangeException(nameof(nodes), $"Node {node} is not a complete subtree of a tree of {treeSize} leaves.");
            }

            var tileLevel = node.Level / TileId.Height;
            var span = node.Level % TileId.Height;
            var first = node.Index << span;
            var tile = TileFor(tileLevel, first / TileId.FullWidth);
            if (!fetched.TryGetValue(tile, out var hashes))
            {
                var content = await tiles.ReadTileAsync(tile, cancellationToken).ConfigureAwait(false);
                hashes = TileContent.Split(content, tile.Width);
                fetched[tile] = hashes;
            }

            var offset = (int)(first % TileId.FullWidth);
            result[i] = HashPerfectRange(hashes.AsSpan(offset, 1 << span));
        }

        return result;
    }

    private TileId TileFor(int level, long index)
    {
        var available = treeSize >> (level * TileId.Height);
        var width = (int)Math.Min(TileId.FullWidth, available - (index * TileId.FullWidth));
        return new TileId(level, index, width);
    }

    private static byte[] HashPerfectRange(ReadOnlySpan<byte[]> hashes)
    {
        if (hashes.Length == 1)
        {
            return hashes[0];
        }

        var half = hashes.Length / 2;
        return MerkleHash.HashChildren(HashPerfectRange(hashes[..half]), HashPerfectRange(hashes[half..]));
    }
}
