using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Vigil.Server.Tests.Features.Aggregation;

namespace Vigil.Server.Tests.Features.Notifications.Webhooks;

/// <summary>
/// A real HTTP receiver on loopback that keeps every webhook it is sent (headers and body as received) and answers
/// each with the status <see cref="Answer"/> gives for its number (1, 2, ...); 200 by default. While
/// <see cref="Holding"/> is set it does not answer at all: the request stays open.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private LoopbackHttpServer _server = null!;
    private readonly ConcurrentQueue<Received> _received = new();
    private int _count;

    public sealed record Received(int Number, string? Id, string? Timestamp, string? Signature, string? ContentType, string Body);

    public Func<int, int> Answer { get; set; } = _ => StatusCodes.Status200OK;

    /// <summary>Headers to send with each answer (Retry-After).</summary>
    public Dictionary<string, string> AnswerHeaders { get; } = [];

    public bool Holding { get; set; }

    public string Url => new Uri(_server.Address, "hook").AbsoluteUri;

    public IReadOnlyList<Received> All => [.. _received.OrderBy(r => r.Number)];

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        receiver._server = await LoopbackHttpServer.StartAsync(receiver.HandleAsync);
        return receiver;
    }

    /// <summary>Waits (a few seconds of wall time at most) until <paramref name="count"/> requests came.</summary>
    public async Task<bool> ReceivedAsync(int count, TimeSpan? limit = null)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < (limit ?? TimeSpan.FromSeconds(20)))
        {
            if (_received.Count >= count)
            {
                return true;
            }
            await Task.Delay(20);
        }
        return _received.Count >= count;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var number = Interlocked.Increment(ref _count);
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers;
        _received.Enqueue(new Received(number, headers["webhook-id"], headers["webhook-timestamp"], headers["webhook-signature"],
            context.Request.ContentType, body));
        if (Holding)
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        foreach (var (name, value) in AnswerHeaders)
        {
            context.Response.Headers[name] = value;
        }
        context.Response.StatusCode = Answer(number);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
