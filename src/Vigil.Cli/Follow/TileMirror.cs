using Vigil.Ledger.Tiles;

namespace Vigil.Cli.Follow;

/// <summary>
/// The follower's directory: the latest checkpoint it verified (<c>checkpoint</c>) and the tiles and entry bundles it
/// mirrored, at their tlog-tiles paths (<c>tile/...</c>), so that it can be served as a static mirror of the log.
/// </summary>
public sealed class TileMirror(string directory)
{
    private const string CheckpointFile = "checkpoint";

    public string Directory { get; } = Path.GetFullPath(directory);

    public async Task<string?> ReadCheckpointAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(Directory, CheckpointFile);
        return File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : null;
    }

    public Task WriteCheckpointAsync(string signedNote, CancellationToken cancellationToken) =>
        AtomicFile.WriteAllTextAsync(Path.Combine(Directory, CheckpointFile), signedNote, cancellationToken);

    /// <summary>A tile as mirrored, or null if this mirror does not hold it.</summary>
    public async Task<byte[]?> TryReadTileAsync(TileId tile, CancellationToken cancellationToken)
    {
        var path = PathOf(tile);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : null;
    }

    public Task WriteTileAsync(TileId tile, byte[] content, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(PathOf(tile), content, cancellationToken);

    /// <summary>Keeps a checkpoint that contradicts the stored one: with it, the log's own signature proves the fork.</summary>
    public Task KeepEvidenceAsync(string signedNote, CancellationToken cancellationToken) =>
        AtomicFile.WriteAllTextAsync(Path.Combine(Directory, "alarm-checkpoint"), signedNote, cancellationToken);

    private string PathOf(TileId tile) => Path.Combine(Directory, tile.Path.Replace('/', Path.DirectorySeparatorChar));
}
