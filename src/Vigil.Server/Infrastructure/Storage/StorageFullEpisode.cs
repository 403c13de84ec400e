namespace Vigil.Server.Infrastructure.Storage;

/// <summary>
/// A time during which the storage is full and writes are refused. A full disk refuses every write request, thousands
/// a minute under load: the log says so once when it starts (a warning) and once when writes are stored again (with
/// the count of requests refused meanwhile), and /healthz reports Degraded in between. It ends at the first write
/// stored once none has been refused for <see cref="Quiet"/>, so that a small write fitting in a page still free
/// between larger ones that do not cannot make the log flap.
/// </summary>
public sealed partial class StorageFullEpisode(TimeProvider clock, ILogger<StorageFullEpisode> logger)
{
    /// <summary>How long no write may have been refused before a stored write ends the episode.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(5);

    /// <summary>What a refused request is told to wait before it tries again: someone has to make room.</summary>
    public const int RetryAfterSeconds = 60;

    private readonly Lock _gate = new();
    private volatile bool _on;
    private DateTimeOffset _since;
    private DateTimeOffset _lastRefused;
    private string _reason = "";
    private long _refused;

    /// <summary>The episode under way, or null when writes are stored.</summary>
    public sealed record State(DateTimeOffset Since, string Reason, long Refused);

    public State? Current
    {
        get
        {
            lock (_gate)
            {
                return _on ? new State(_since, _reason, _refused) : null;
            }
        }
    }

    /// <summary>A request's write was refused for want of space (<paramref name="reason"/> from <see cref="StorageFull.Reason"/>): counted.</summary>
    public void Refused(string reason) => Begin(reason, request: true);

    /// <summary>A write was refused for want of space, by whoever (a request is counted by <see cref="Refused"/>).</summary>
    public void Noticed(string reason) => Begin(reason, request: false);

    /// <summary>A write was stored (committed). Cheap when no episode is under way: it is called on every commit.</summary>
    public void Stored()
    {
        if (!_on)
        {
            return;
        }
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (!_on || now - _lastRefused < Quiet)
            {
                return;
            }
            _on = false;
            LogEnded(logger, (long)(now - _since).TotalSeconds, _refused);
        }
    }

    private void Begin(string reason, bool request)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (!_on)
            {
                (_on, _since, _reason, _refused) = (true, now, reason, 0);
                LogStarted(logger, reason, RetryAfterSeconds);
            }
            _refused += request ? 1 : 0;
            _lastRefused = now;
        }
    }

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning,
        Message = "The storage is full ({Reason}): writes are refused, and requests that write are answered 503 with Retry-After: {RetryAfter}. Make room; Vigil stores again by itself once there is (logged once until then)")]
    private static partial void LogStarted(ILogger logger, string reason, int retryAfter);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information,
        Message = "Writes are stored again after {Seconds} s of a full storage; {Refused} requests were refused meanwhile (nothing they sent was kept)")]
    private static partial void LogEnded(ILogger logger, long seconds, long refused);
}
