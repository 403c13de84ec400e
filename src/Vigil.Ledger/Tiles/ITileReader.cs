namespace Vigil.Ledger.Tiles;

/// <summary>Fetches tile contents: a file store, an HTTP client following a remote log, or memory.</summary>
public interface ITileReader
{
    /// <summary>Returns the bytes of the tile: <see cref="TileId.Width"/> hashes of 32 bytes each.</summary>
    ValueTask<byte[]> ReadTileAsync(TileId tile, CancellationToken cancellationToken = default);
}
