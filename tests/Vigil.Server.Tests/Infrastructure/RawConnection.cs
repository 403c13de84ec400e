using System.Net.Sockets;
using System.Text;

namespace Vigil.Server.Tests.Infrastructure;

/// <summary>
/// A client speaking HTTP/1.1 by hand over one TCP connection, for what no well-behaved client does: headers or a body
/// sent a little at a time, or a body that never ends. It reads from the start, so that it sees the server close it.
/// </summary>
public sealed class RawConnection : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly MemoryStream _received = new();

    private RawConnection(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
        Closed = ReadUntilClosedAsync();
    }

    /// <summary>Completes when the server closes (or resets) the connection.</summary>
    public Task Closed { get; }

    /// <summary>Everything the server sent so far, as text.</summary>
    public string Received
    {
        get
        {
            lock (_received)
            {
                return Encoding.Latin1.GetString(_received.ToArray());
            }
        }
    }

    public static async Task<RawConnection> OpenAsync(Uri server)
    {
        var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(server.Host, server.Port);
        return new RawConnection(client);
    }

    /// <summary>Sends text; false when the server has closed the connection already.</summary>
    public Task<bool> SendAsync(string text) => SendAsync(Encoding.Latin1.GetBytes(text));

    public async Task<bool> SendAsync(byte[] bytes)
    {
        if (Closed.IsCompleted)
        {
            return false;
        }
        try
        {
            await _stream.WriteAsync(bytes);
            return true;
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            return false;
        }
    }

    private async Task ReadUntilClosedAsync()
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await _stream.ReadAsync(buffer)) > 0)
            {
                lock (_received)
                {
                    _received.Write(buffer, 0, read);
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            // Reset by the server: closed all the same.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await Closed;
    }
}
