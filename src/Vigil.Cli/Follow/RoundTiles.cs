using Vigil.Ledger.Tiles;

namespace Vigil.Cli.Follow;

/// <summary>
/// The tiles one round of following reads: those fetched in this round first, then full tiles already mirrored (they
/// never change), then the remote log. Nothing is written to the mirror until the round has verified them all.
/// </summary>
public sealed class RoundTiles(TileMirror mirror, RemoteLog remote) : ITileReader
{
    private readonly Dictionary<TileId, byte[]> _fetched = [];

    /// <summary>The tiles fetched from the remote log in this round, to mirror once verified.</summary>
    public IReadOnlyDictionary<TileId, byte[]> Fetched => _fetched;

    public async Task FetchAsync(TileId tile, CancellationToken cancellationToken) =>
        _fetched[tile] = await remote.ReadTileAsync(tile, cancellationToken);

    public async ValueTask<byte[]> ReadTileAsync(TileId tile, CancellationToken cancellationToken = default)
    {
        if (_fetched.TryGetValue(tile, out var content))
        {
            return content;
        }
        if (tile.IsFull && await mirror.TryReadTileAsync(tile, cancellationToken) is { } mirrored)
        {
            return mirrored;
        }
        await FetchAsync(tile, cancellationToken);
        return _fetched[tile];
    }
}
