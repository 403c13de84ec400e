using Vigil.Ledger.Tests.Merkle;
using Vigil.Ledger.Tiles;

namespace Vigil.Ledger.Tests.Tiles;

public class TileHashReaderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(4999)]
    public async Task Proofs_and_roots_from_tiles_equal_those_from_stored_hashes(int treeSize)
    {
        var tiles = await BuildTiles(treeSize);
        var reader = new TileHashReader(tiles, treeSize);
        Assert.Equal(ReferenceTree.Root(treeSize), await MerkleTree.ComputeRootAsync(reader, treeSize));
        foreach (var index in new[] { 0, treeSize / 3, treeSize - 1 })
        {
            var fromTiles = await InclusionProof.CreateAsync(reader, index, treeSize);
            var fromStore = await InclusionProof.CreateAsync(ReferenceTree.Store, index, treeSize);
            Assert.Equal(fromStore.Hashes, fromTiles.Hashes);
        }

        var oldSize = Math.Max(1, treeSize / 2);
        Assert.Equal(
            (await ConsistencyProof.CreateAsync(ReferenceTree.Store, oldSize, treeSize)).Hashes,
            (await ConsistencyProof.CreateAsync(reader, oldSize, treeSize)).Hashes);
    }

    [Fact]
    public async Task Reader_fetches_each_tile_once_per_batch()
    {
        var tiles = await BuildTiles(4999);
        await InclusionProof.CreateAsync(new TileHashReader(tiles, 4999), 1234, 4999);
        Assert.All(tiles.Reads.GroupBy(t => t), g => Assert.Single(g));
        Assert.True(tiles.Reads.Count <= 4);
    }

    [Fact]
    public async Task Level_1_tile_holds_the_roots_of_full_level_0_tiles()
    {
        var tile = new TileId(1, 0, 19);
        var content = await TileContent.BuildAsync(ReferenceTree.Store, tile);
        var hashes = TileContent.Split(content, 19);
        Assert.Equal(MerkleTree.ComputeRoot(ReferenceTree.LeafHashes.AsSpan(256 * 3, 256)), hashes[3]);
    }

    [Fact]
    public void Tile_of_the_wrong_length_is_rejected()
    {
        Assert.Throws<FormatException>(() => TileContent.Split(new byte[33], 1));
    }

    private static async Task<DictionaryTiles> BuildTiles(long treeSize)
    {
        var tiles = new DictionaryTiles();
        foreach (var tile in TileId.ChangedByGrowth(0, treeSize))
        {
            tiles.Contents[tile] = await TileContent.BuildAsync(ReferenceTree.Store, tile);
        }

        return tiles;
    }

    private sealed class DictionaryTiles : ITileReader
    {
        public Dictionary<TileId, byte[]> Contents { get; } = [];

        public List<TileId> Reads { get; } = [];

        public ValueTask<byte[]> ReadTileAsync(TileId tile, CancellationToken cancellationToken = default)
        {
            Reads.Add(tile);
            return ValueTask.FromResult(Contents[tile]);
        }
    }
}
