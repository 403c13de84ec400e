namespace Vigil.Data.Entities;

/// <summary>
/// One try at delivering an outbox message: when, how it ended, the destination's status code and why it failed. The
/// message keeps only its last error; these keep every try, so an administrator (and the subscriber) sees what
/// happened each time.
/// </summary>
public sealed class OutboxAttempt
{
    public long Id { get; init; }

    public Guid MessageId { get; init; }

    public DateTimeOffset At { get; init; }

    /// <summary><c>delivered</c>, <c>failed</c> (to be tried again) or <c>dead</c> (given up).</summary>
    public required string Outcome { get; init; }

    public string? Error { get; init; }

    /// <summary>The HTTP status a webhook's receiver answered with, or an SMTP reply code; null when none came.</summary>
    public int? StatusCode { get; init; }

    public int DurationMilliseconds { get; init; }
}
