namespace Vigil.Ledger.Tiles;

/// <summary>Builds tile contents from stored hashes and splits them back into hashes.</summary>
public static class TileContent
{
    /// <summary>
    /// The bytes of a hash tile: its hashes concatenated, read from <paramref name="reader"/> in one batch. A tile
    /// store writes every tile of <see cref="TileId.ChangedByGrowth"/> after each checkpoint; a server can also
    /// build a requested tile on the fly from its stored nodes.
    /// </summary>
    public static async ValueTask<byte[]> BuildAsync(IHashReader reader, TileId tile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (tile.IsEntryBundle)
        {
            throw new ArgumentException("An entry bundle holds entries, not hashes; see EntryBundle.", nameof(tile));
        }

        var hashes = await reader.ReadHashesAsync([.. tile.Nodes()], cancellationToken).ConfigureAwait(false);
        var content = new byte[hashes.Count * MerkleHash.Size];
        for (var i = 0; i < hashes.Count; i++)
        {
            if (hashes[i].Length != MerkleHash.Size)
            {
                throw new InvalidOperationException($"Stored hash for {tile} entry {i} is not {MerkleHash.Size} bytes.");
            }

            hashes[i].CopyTo(content, i * MerkleHash.Size);
        }

        return content;
    }

    /// <summary>The hashes of a tile's bytes; throws <see cref="FormatException"/> unless it holds exactly <paramref name="width"/> hashes.</summary>
    public static byte[][] Split(ReadOnlySpan<byte> content, int width)
    {
        if (content.Length != width * MerkleHash.Size)
        {
            throw new FormatException($"A tile of width {width} is {width * MerkleHash.Size} bytes, not {content.Length}.");
        }

        var hashes = new byte[width][];
        for (var i = 0; i < width; i++)
        {
            hashes[i] = content.Slice(i * MerkleHash.Size, MerkleHash.Size).ToArray();
        }

        return hashes;
    }
}
