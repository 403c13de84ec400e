using System.Text.Json;
using Vigil.Ledger.Tiles;

namespace Vigil.Ledger.Tests.Tiles;

public class TilePathTests
{
    private static readonly JsonElement Vectors = TlogVectors.Load("tile-vectors.json");

    public static TheoryData<long, string> IndexEncodings()
    {
        var data = new TheoryData<long, string>();
        foreach (var row in Vectors.GetProperty("indexEncoding").EnumerateArray())
        {
            data.Add(row.GetProperty("index").GetInt64(), row.Text("path"));
        }

        return data;
    }

    public static TheoryData<int, long, int, string> TilePaths()
    {
        var data = new TheoryData<int, long, int, string>();
        foreach (var row in Vectors.GetProperty("tilePaths").EnumerateArray())
        {
            var level = row.TryGetProperty("entries", out var entries) && entries.GetBoolean() ? TileId.EntriesLevel : row.GetProperty("level").GetInt32();
            data.Add(level, row.GetProperty("index").GetInt64(), row.GetProperty("width").GetInt32(), row.Text("path"));
        }

        return data;
    }

    public static TheoryData<int, int, long, int, string> SumdbPaths()
    {
        var data = new TheoryData<int, int, long, int, string>();
        foreach (var row in Vectors.GetProperty("sumdbTilePaths").EnumerateArray().Where(r => r.TryGetProperty("path", out _)))
        {
            data.Add(row.GetProperty("H").GetInt32(), row.GetProperty("L").GetInt32(), row.GetProperty("N").GetInt64(), row.GetProperty("W").GetInt32(), row.Text("path"));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(IndexEncodings))]
    public void Index_is_encoded_in_3_digit_groups(long index, string path)
    {
        Assert.Equal(path, TilePath.FormatIndex(index));
    }

    [Theory]
    [MemberData(nameof(TilePaths))]
    public void Tile_path_is_formatted_and_parsed(int level, long index, int width, string path)
    {
        var tile = new TileId(level, index, width);
        Assert.Equal(path, tile.Path);
        Assert.True(TilePath.TryParse(path, out var parsed));
        Assert.Equal(tile, parsed);
    }

    [Theory]
    [MemberData(nameof(SumdbPaths))]
    public void Go_checksum_database_tile_path_is_formatted(int height, int level, long index, int width, string path)
    {
        Assert.Equal(path, TilePath.FormatWithHeight(height, level, index, width));
    }

    [Fact]
    public void Go_checksum_database_data_tiles_are_named_data()
    {
        Assert.Equal("tile/8/data/x001/x234/067", TilePath.FormatWithHeight(8, -1, 1234067, 256));
    }

    [Theory]
    [InlineData("tile/0/1234067")]
    [InlineData("tile/0/x000/067")]
    [InlineData("tile/0/067.p/0")]
    [InlineData("tile/0/067.p/256")]
    [InlineData("tile/0/067.p/07")]
    [InlineData("tile/00/067")]
    [InlineData("tile/64/067")]
    [InlineData("tile/0/x01/067")]
    [InlineData("tile/0/001/067")]
    [InlineData("tile/0/67")]
    [InlineData("tile/data/067")]
    [InlineData("tiles/0/067")]
    [InlineData("tile/0")]
    public void Non_canonical_path_is_rejected(string path)
    {
        Assert.False(TilePath.TryParse(path, out _));
    }

    [Fact]
    public void Tree_of_70000_has_the_documented_tiles()
    {
        var expected = Vectors.GetProperty("treeSize70000");
        var tiles = TileId.ChangedByGrowth(0, 70000).ToList();
        for (var level = 0; level <= 2; level++)
        {
            var row = expected.GetProperty($"level{level}");
            Assert.Equal(row.GetProperty("full").GetInt32(), tiles.Count(t => t.Level == level && t.IsFull));
            Assert.Equal(row.GetProperty("partialWidth").GetInt32(), tiles.SingleOrDefault(t => t.Level == level && !t.IsFull).Width);
        }

        Assert.DoesNotContain(tiles, t => t.Level > 2);
    }

    [Fact]
    public void Tree_of_256_has_one_full_level_0_tile_and_a_partial_level_1_tile()
    {
        Assert.Equal([new TileId(0, 0, 256), new TileId(1, 0, 1)], TileId.ChangedByGrowth(0, 256));
    }

    [Fact]
    public void Growth_lists_only_new_or_wider_tiles()
    {
        Assert.Equal([new TileId(0, 1, 2)], TileId.ChangedByGrowth(257, 258));
        Assert.Equal([new TileId(0, 0, 256), new TileId(1, 0, 1)], TileId.ChangedByGrowth(255, 256));
        Assert.Empty(TileId.ChangedByGrowth(300, 300));
    }

    [Fact]
    public void Tile_fits_a_tree_only_when_all_its_hashes_exist()
    {
        Assert.True(new TileId(0, 0, 256).FitsTreeSize(256));
        Assert.False(new TileId(0, 1, 1).FitsTreeSize(256));
        Assert.True(new TileId(1, 0, 1).FitsTreeSize(256));
        Assert.False(new TileId(1, 0, 2).FitsTreeSize(511));
        Assert.True(new TileId(TileId.EntriesLevel, 0, 17).FitsTreeSize(17));
    }
}
