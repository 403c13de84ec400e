using Vigil.Ledger.Tiles;

namespace Vigil.Cli.Follow;

/// <summary>A Vigil log seen from outside: its latest checkpoint and its tiles, over HTTP, nothing else.</summary>
public sealed class RemoteLog(HttpClient http, Uri server) : ITileReader
{
    public Uri Server { get; } = server;

    public Task<string> GetCheckpointAsync(CancellationToken cancellationToken) =>
        http.GetStringAsync(new Uri(Server, "ledger/checkpoint"), cancellationToken);

    public async ValueTask<byte[]> ReadTileAsync(TileId tile, CancellationToken cancellationToken = default) =>
        await http.GetByteArrayAsync(new Uri(Server, "ledger/" + tile.Path), cancellationToken);

    /// <summary>The server's base address with a final slash, so that relative paths resolve under it.</summary>
    public static Uri BaseAddress(string url) => new(url.EndsWith('/') ? url : url + "/", UriKind.Absolute);
}
