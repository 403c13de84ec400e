namespace Vigil.Server.Features.Demo;

/// <summary>
/// The clock of the demo's own loading host, and of nothing else: the server stamps every received time from its
/// <see cref="TimeProvider"/>, so the loader sets this clock to each historical moment before it files what happened
/// then. It stands still between settings (a report filed at 09:00 reads 09:00, not a millisecond later, so that its
/// lateness is the historical one) and only moves forward, so the transparency log holds the leaves in order.
/// </summary>
public sealed class DemoClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now.ToUniversalTime();
        }
    }

    /// <summary>Moves the clock to <paramref name="moment"/>, which must not be earlier than the moment set before.</summary>
    public void Set(DateTimeOffset moment)
    {
        lock (_gate)
        {
            if (moment < _now)
            {
                throw new InvalidOperationException($"The demo's clock only moves forward: {moment:O} is before {_now:O}.");
            }
            _now = moment;
        }
    }
}
