using System.Net.Sockets;
using System.Text;

namespace Vigil.Server.Tests.Features.InboundMail;

/// <summary>An SMTP conversation typed by hand, to see the listener's own reply codes (no client library deciding for it).</summary>
public sealed class RawSmtp : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly StreamReader _reader;
    private readonly Stream _stream;

    private RawSmtp(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
        _reader = new StreamReader(_stream, Encoding.ASCII);
    }

    public static async Task<RawSmtp> OpenAsync(int port)
    {
        var client = new TcpClient();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await client.ConnectAsync("127.0.0.1", port);
                break;
            }
            catch (SocketException) when (attempt < 50)
            {
                await Task.Delay(100);
            }
        }
        var smtp = new RawSmtp(client);
        await smtp.ReplyAsync();
        return smtp;
    }

    /// <summary>Sends one line and reads the reply's code (the last line of a multi-line reply); 0 if the server hung up.</summary>
    public async Task<int> SendAsync(string line)
    {
        await WriteAsync(Encoding.ASCII.GetBytes(line + "\r\n"));
        return await ReplyAsync();
    }

    /// <summary>Writes bytes without reading; false if the server closed the connection meanwhile.</summary>
    public async Task<bool> WriteAsync(byte[] bytes)
    {
        try
        {
            await _stream.WriteAsync(bytes);
            await _stream.FlushAsync();
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    public async Task<int> ReplyAsync()
    {
        try
        {
            while (await _reader.ReadLineAsync() is { } line)
            {
                if (line.Length >= 4 && line[3] == '-')
                {
                    continue;
                }
                return int.Parse(line[..3], System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        catch (IOException)
        {
        }
        return 0;
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
