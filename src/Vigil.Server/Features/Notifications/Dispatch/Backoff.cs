namespace Vigil.Server.Features.Notifications.Dispatch;

/// <summary>
/// When a failed message is tried next: the base wait doubled for each try before, capped, and jittered so that the
/// messages of one outage do not all come back at once ("equal jitter": half the wait fixed, half random). A
/// destination's own Retry-After is honoured when it asks for longer, up to the cap.
/// </summary>
public static class Backoff
{
    /// <param name="attempts">Tries made so far, this failed one included (1 after the first).</param>
    /// <param name="random">A number in [0, 1): the jitter.</param>
    public static TimeSpan After(int attempts, TimeSpan baseDelay, TimeSpan cap, TimeSpan? retryAfter, double random)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var full = TimeSpan.FromTicks((long)Math.Min(cap.Ticks, baseDelay.Ticks * Math.Pow(2, exponent)));
        var jittered = full / 2 + full / 2 * random;
        return retryAfter is { } asked && asked > jittered ? (asked < cap ? asked : cap) : jittered;
    }
}
