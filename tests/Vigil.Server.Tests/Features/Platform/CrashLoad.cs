using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Vigil.Ledger.Receipts;

namespace Vigil.Server.Tests.Features.Platform;

/// <summary>
/// Reporters filing reports and updates as fast as the server answers, through servers that are killed under them.
/// A submission counts as acknowledged only when it got a 2xx; a connection error, a timeout or a 5xx leaves it
/// unacknowledged (it may or may not be stored), and one sent with an Idempotency-Key is retried later with the same
/// key and body until it is answered. Each submission carries a marker of its own, so the record can be searched for it.
/// </summary>
internal sealed class CrashLoad(IReadOnlyList<Uri> servers, string reporterToken, int clients) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<Sent> _attempted = new();
    private readonly ConcurrentQueue<Acknowledged> _acknowledged = new();
    private readonly ConcurrentQueue<string> _unexpected = new();
    private readonly List<Task> _clients = [];
    private int _answeredOnRetry;
    private readonly ConcurrentDictionary<string, int> _outcomes = new();

    /// <summary>A submission as sent: what it is, its body, its key (or none) and the incident an update goes to.</summary>
    public sealed record Sent(string Marker, string Kind, string Body, string? Key, string? IncidentId, int Server);

    /// <summary>A submission answered with a 2xx: the ids the answer gave, and its receipt.</summary>
    public sealed record Acknowledged(Sent Sent, string IncidentId, int Sequence, string Receipt, long LeafIndex, string LeafHash);

    public IReadOnlyCollection<Sent> Attempted => _attempted;

    /// <summary>How the attempts ended: "2xx", a status code, or the kind of error (a connection refused, a timeout).</summary>
    public string Outcomes => string.Join(", ", _outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Key} {o.Value}"));

    /// <summary>Keyed submissions first left unanswered (a kill, a 5xx) and answered 2xx on a retry with the same key and body.</summary>
    public int AnsweredOnRetry => _answeredOnRetry;

    public IReadOnlyCollection<Acknowledged> AcknowledgedSubmissions => _acknowledged;

    /// <summary>Answers no client should get (a 4xx other than a rate limit): each one a finding.</summary>
    public IReadOnlyCollection<string> Unexpected => _unexpected;

    /// <summary>How many 2xx answers the clients of each server got so far.</summary>
    public long[] AcknowledgedBy { get; } = new long[servers.Count];

    public void Start()
    {
        for (var client = 0; client < clients; client++)
        {
            var number = client;
            _clients.Add(Task.Run(() => RunClientAsync(number)));
        }
    }

    /// <summary>Stops sending new submissions, then retries each unanswered keyed one until it is answered (or the limit passes).</summary>
    public async Task StopAsync(TimeSpan retryLimit)
    {
        _stop.Cancel();
        await Task.WhenAll(_clients);
        using var drain = new CancellationTokenSource(retryLimit);
        await Task.WhenAll(_pending.Select(pair => Task.Run(() => DrainAsync(pair.Key, pair.Value, drain.Token))));
    }

    /// <summary>Keyed submissions no 2xx answered yet, per client.</summary>
    public int StillUnanswered => _pending.Values.Sum(queue => queue.Count);

    private readonly ConcurrentDictionary<int, ConcurrentQueue<Sent>> _pending = new();

    private async Task RunClientAsync(int client)
    {
        var server = client % servers.Count;
        using var http = Client(server);
        var random = new Random(client * 7919 + Environment.TickCount);
        var pending = _pending.GetOrAdd(client, _ => new ConcurrentQueue<Sent>());
        var incidents = new List<string>();
        var sent = 0;
        var failing = false;
        while (!_stop.IsCancellationRequested)
        {
            Sent submission;
            // While the server is down, only what is waiting for an answer is sent again (a new submission when none is).
            if (pending.TryPeek(out var retry) && (failing || random.Next(3) == 0))
            {
                submission = retry;
            }
            else
            {
                var marker = $"crash-{client}-{sent++}-{Guid.NewGuid():N}";
                var key = random.Next(2) == 0 ? "key-" + marker : null;
                submission = incidents.Count > 0 && random.Next(5) < 2
                    ? new Sent(marker, "update", Update(marker), key, incidents[random.Next(incidents.Count)], server)
                    : new Sent(marker, "report", Report(marker), key, null, server);
                _attempted.Enqueue(submission);
            }
            var outcome = await SendAsync(http, submission, _stop.Token);
            if (outcome is { } acknowledged)
            {
                if (submission == retry)
                {
                    pending.TryDequeue(out _);
                    Interlocked.Increment(ref _answeredOnRetry);
                }
                if (submission.Kind == "report")
                {
                    incidents.Add(acknowledged.IncidentId);
                }
            }
            else if (submission.Key is not null && submission != retry)
            {
                pending.Enqueue(submission);
            }
            failing = outcome is null;
            if (failing)
            {
                // The server is down or failing: do not spin while it restarts.
                await Task.Delay(100);
            }
        }
    }

    private async Task DrainAsync(int client, ConcurrentQueue<Sent> pending, CancellationToken cancellationToken)
    {
        using var http = Client(client % servers.Count);
        while (pending.TryPeek(out var retry) && !cancellationToken.IsCancellationRequested)
        {
            if (await SendAsync(http, retry, cancellationToken) is not null)
            {
                pending.TryDequeue(out _);
                Interlocked.Increment(ref _answeredOnRetry);
            }
            else
            {
                await Task.Delay(200, CancellationToken.None);
            }
        }
    }

    private HttpClient Client(int server)
    {
        var http = new HttpClient { BaseAddress = servers[server], Timeout = TimeSpan.FromSeconds(20) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", reporterToken);
        return http;
    }

    /// <summary>The acknowledgement, or null when the submission was not acknowledged (and may be retried if keyed).</summary>
    private async Task<Acknowledged?> SendAsync(HttpClient http, Sent submission, CancellationToken cancellationToken)
    {
        var path = submission.Kind == "report" ? "/api/v1/incidents" : $"/api/v1/incidents/{submission.IncidentId}/updates";
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(submission.Body, Encoding.UTF8, "application/json") };
        if (submission.Key is not null)
        {
            request.Headers.Add("Idempotency-Key", submission.Key);
        }
        string text;
        HttpStatusCode status;
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            status = response.StatusCode;
            text = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            _outcomes.AddOrUpdate(e is HttpRequestException { HttpRequestError: var error } ? error.ToString() : e.GetType().Name, 1, (_, n) => n + 1);
            return null;
        }
        _outcomes.AddOrUpdate((int)status is >= 200 and < 300 ? "2xx" : ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
        if ((int)status is >= 200 and < 300)
        {
            var answer = JsonNode.Parse(text)!;
            var receipt = answer["receipt"]!;
            var acknowledged = new Acknowledged(submission, answer["incident"]!["id"]!.GetValue<string>(),
                answer["submission"]!["sequence"]!.GetValue<int>(), receipt.ToJsonString(),
                receipt["leaf_index"]!.GetValue<long>(), receipt["leaf_hash"]!.GetValue<string>());
            _acknowledged.Enqueue(acknowledged);
            Interlocked.Increment(ref AcknowledgedBy[submission.Server]);
            return acknowledged;
        }
        if ((int)status < 500 && status != HttpStatusCode.TooManyRequests)
        {
            _unexpected.Enqueue($"{submission.Kind} {submission.Marker} (key {submission.Key ?? "none"}): {(int)status} {text}");
        }
        return null;
    }

    private static string Report(string marker) => new JsonObject
    {
        ["title"] = "Crash test report " + marker,
        ["category"] = "malicious-code",
        ["description"] = "Crafted RTCP packets in calls led to remote code execution; filed while the server is being killed.",
        ["detected_at"] = "2026-11-29T09:00:00+05:30",
    }.ToJsonString();

    private static string Update(string marker) => new JsonObject { ["narrative"] = "Crash test update " + marker }.ToJsonString();

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            _stop.Cancel();
            await Task.WhenAll(_clients).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        _stop.Dispose();
    }
}
