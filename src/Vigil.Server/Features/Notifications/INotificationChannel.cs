using Vigil.Data.Entities;

namespace Vigil.Server.Features.Notifications;

/// <summary>
/// Delivers one outbox message over one channel (e-mail, webhook). The dispatcher calls it with the message claimed,
/// outside any transaction, and records the outcome; a channel never changes the message itself.
/// </summary>
public interface INotificationChannel
{
    /// <summary>The channel's name, as <see cref="NotificationChannels"/> spells it.</summary>
    string Name { get; }

    Task<DeliveryOutcome> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <param name="Delivered">The destination took the message.</param>
/// <param name="Error">Why not, for people (never a secret).</param>
/// <param name="Permanent">Trying again cannot help (no such endpoint, a refused address): dead at once.</param>
/// <param name="RetryAfter">The destination asked to wait this long (HTTP Retry-After, an SMTP 4xx with a hint).</param>
public sealed record DeliveryOutcome(bool Delivered, string? Error = null, bool Permanent = false, TimeSpan? RetryAfter = null)
{
    public static readonly DeliveryOutcome Success = new(true);

    /// <summary>The destination's answer (an HTTP status, an SMTP reply code), kept in the attempt history; null when none came.</summary>
    public int? StatusCode { get; init; }

    public static DeliveryOutcome Failed(string error, bool permanent = false, TimeSpan? retryAfter = null) => new(false, error, permanent, retryAfter);
}
