using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Platform;

/// <summary>
/// Issue 15, "Slow and hostile clients": many slow connections and very large bodies do not starve normal clients.
/// The server runs on Kestrel (a real socket) with short limits of its own; each test opens its slow connections by
/// hand, checks that an ordinary client is served meanwhile, then that the server closed every slow one. The bound
/// waited for a closure is generous against the configured limit: the test asserts the closure, never its timing.
/// </summary>
public sealed class SlowClientTests
{
    private const int SlowConnections = 300;

    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(20);

    // Kestrel's own header timeout is 30 s, longer than the bound waited: the configured 2 s has to be applied.
    [Fact]
    public async Task Hundreds_of_connections_sending_headers_a_byte_at_a_time_do_not_starve_a_normal_client_and_are_closed()
    {
        var server = await StartAsync("--ClientLimits:RequestHeadersTimeout=00:00:02");
        var slow = new List<RawConnection>();
        try
        {
            slow.AddRange(await OpenAsync(server.Address, SlowConnections));
            var headers = "GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + new string('a', 4000);
            using var stop = new CancellationTokenSource();
            var trickle = TrickleAsync(slow, i => headers.Substring(i % headers.Length, 1), TimeSpan.FromMilliseconds(250), stop.Token);

            await AssertServedAsync(server.Address);

            var closed = await CountClosedWithinAsync(slow, Generous);
            await stop.CancelAsync();
            await trickle;
            Assert.Equal(SlowConnections, closed);
        }
        finally
        {
            await DisposeAllAsync(slow);
            await server.DisposeAsync();
        }
    }

    // Kestrel's own minimum is 240 bytes/s: these bodies arrive faster than that (about 2,000 bytes/s), but slower
    // than the 20,000 bytes/s configured, so only the configured rate cuts them off.
    [Fact]
    public async Task Bodies_trickling_below_the_minimum_rate_are_cut_off_while_a_normal_client_is_served()
    {
        var server = await StartAsync("--ClientLimits:MinRequestBodyBytesPerSecond=20000", "--ClientLimits:MinRequestBodyGracePeriod=00:00:02");
        const int Bodies = 100;
        var slow = new List<RawConnection>();
        try
        {
            slow.AddRange(await OpenAsync(server.Address, Bodies));
            foreach (var connection in slow)
            {
                await connection.SendAsync("POST /api/v1/affected HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000000\r\n\r\n{\"products\": [");
            }
            using var stop = new CancellationTokenSource();
            var spaces = new string(' ', 200);
            var trickle = TrickleAsync(slow, _ => spaces, TimeSpan.FromMilliseconds(100), stop.Token);

            await AssertServedAsync(server.Address);

            var closed = await CountClosedWithinAsync(slow, Generous);
            await stop.CancelAsync();
            await trickle;
            Assert.Equal(Bodies, closed);
            // Cut off while the handler was reading: the client is told why before the connection closes.
            Assert.Contains(slow, c => c.Received.StartsWith("HTTP/1.1 408", StringComparison.Ordinal));
        }
        finally
        {
            await DisposeAllAsync(slow);
            await server.DisposeAsync();
        }
    }

    // A body declared larger than the endpoint takes is refused on its headers: the answer comes while almost none
    // of the gigabyte announced has been sent.
    [Fact]
    public async Task A_declared_body_over_the_limit_gets_413_problem_json_before_it_is_sent()
    {
        var server = await StartAsync();
        try
        {
            await using var connection = await RawConnection.OpenAsync(server.Address);
            await connection.SendAsync("POST /api/v1/affected HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 1073741824\r\n\r\n{\"products\": [");
            await AssertTooLargeAsync(connection);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    // A chunked body has no length to refuse on: it is read up to the limit and cut off there, never read whole.
    [Fact]
    public async Task A_chunked_body_growing_past_the_limit_gets_413_problem_json_and_is_not_read_whole()
    {
        var server = await StartAsync();
        try
        {
            await using var connection = await RawConnection.OpenAsync(server.Address);
            await connection.SendAsync("POST /api/v1/affected HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n");
            var chunk = Encoding.Latin1.GetBytes("10000\r\n" + new string(' ', 0x10000) + "\r\n");
            long sent = 0;
            // The limit for this endpoint is 16 MiB; a server reading everything would take all 256 MiB offered.
            while (sent < 256L * 1024 * 1024 && !connection.Received.Contains("\r\n\r\n", StringComparison.Ordinal) && await connection.SendAsync(chunk))
            {
                sent += chunk.Length;
            }
            Assert.True(sent < 64L * 1024 * 1024, $"The server read {sent} bytes before answering.");
            await AssertTooLargeAsync(connection);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static async Task<RunningServer> StartAsync(params string[] limits)
    {
        var server = new RunningServer { ExtraArguments = limits };
        await server.InitializeAsync();
        return server;
    }

    private static async Task<List<RawConnection>> OpenAsync(Uri server, int count)
    {
        var connections = new List<RawConnection>(count);
        for (var i = 0; i < count; i++)
        {
            connections.Add(await RawConnection.OpenAsync(server));
        }
        return connections;
    }

    /// <summary>Every tick, sends each open connection its next piece, until stopped.</summary>
    private static async Task TrickleAsync(List<RawConnection> connections, Func<int, string> piece, TimeSpan tick, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var text = piece(i);
            await Task.WhenAll(connections.Select(c => c.SendAsync(text)));
            try
            {
                await Task.Delay(tick, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>An ordinary client on connections of its own: every request answered while the slow ones are open.</summary>
    private static async Task AssertServedAsync(Uri server)
    {
        using var client = new HttpClient { BaseAddress = server, Timeout = Generous };
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/categories")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/affected",
                new StringContent("""{"products": [{"vendor": "Acme", "product": "Widget", "version": "1.0"}]}""", Encoding.UTF8, "application/json"))).StatusCode);
        }
    }

    private static async Task<int> CountClosedWithinAsync(List<RawConnection> connections, TimeSpan bound)
    {
        await Task.WhenAny(Task.WhenAll(connections.Select(c => c.Closed)), Task.Delay(bound));
        return connections.Count(c => c.Closed.IsCompleted);
    }

    private static async Task DisposeAllAsync(List<RawConnection> connections)
    {
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
    }

    private static async Task AssertTooLargeAsync(RawConnection connection)
    {
        // The whole answer, or the connection closed after it: a problem+json body ends with its closing brace.
        for (var waited = 0; waited < 200 && !connection.Closed.IsCompleted && !Answered(connection.Received); waited++)
        {
            await Task.Delay(100);
        }
        var response = connection.Received;
        Assert.StartsWith("HTTP/1.1 413", response, StringComparison.Ordinal);
        Assert.Contains("content-type: application/problem+json", response, StringComparison.OrdinalIgnoreCase);
        var body = response[response.IndexOf('{', StringComparison.Ordinal)..];
        body = body[..(body.LastIndexOf('}') + 1)];
        Assert.Equal("urn:vigil:problem:body-too-large", JsonNode.Parse(body)!["type"]!.GetValue<string>());
    }

    private static bool Answered(string received) =>
        received.IndexOf("\r\n\r\n", StringComparison.Ordinal) is var end and >= 0 && received.IndexOf('}', end) >= 0;
}
