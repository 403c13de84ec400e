using Vigil.Ledger.Tiles;

namespace Vigil.Ledger.Tests.Tiles;

public class EntryBundleTests
{
    [Fact]
    public void Entries_are_prefixed_with_big_endian_uint16_lengths()
    {
        var bundle = EntryBundle.Encode([[0xAA], [], new byte[300]]);
        Assert.Equal([0x00, 0x01, 0xAA, 0x00, 0x00, 0x01, 0x2C], bundle[..7]);
        Assert.Equal(2 + 1 + 2 + 2 + 300, bundle.Length);
        var entries = EntryBundle.Decode(bundle);
        Assert.Equal([1, 0, 300], entries.Select(e => e.Length));
    }

    [Fact]
    public async Task Entries_hash_to_the_level_0_tile()
    {
        byte[][] entries = [.. Enumerable.Range(0, 17).Select(i => new[] { (byte)i, (byte)(i * 3) })];
        var store = new InMemoryHashStore();
        foreach (var entry in entries)
        {
            store.AppendLeaf(entry);
        }

        var decoded = EntryBundle.Decode(EntryBundle.Encode(entries));
        var tile = TileContent.Split(await TileContent.BuildAsync(store, new TileId(0, 0, 17)), 17);
        Assert.Equal(tile, decoded.Select(e => MerkleHash.HashLeaf(e)));
    }

    [Fact]
    public void Oversized_entry_and_truncated_bundle_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => EntryBundle.Encode([new byte[65536]]));
        Assert.Throws<FormatException>(() => EntryBundle.Decode([0x00]));
        Assert.Throws<FormatException>(() => EntryBundle.Decode([0x00, 0x02, 0x01]));
    }
}
