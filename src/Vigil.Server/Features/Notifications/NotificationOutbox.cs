using System.Text.Json.Nodes;
using Vigil.Data;
using Vigil.Data.Entities;

namespace Vigil.Server.Features.Notifications;

/// <summary>
/// Puts a notification in the outbox as part of the caller's unit of work: it is stored by the same
/// <c>SaveChanges</c>, in the same transaction, as the change that caused it, or not at all.
/// </summary>
public static class NotificationOutbox
{
    /// <param name="EventType">One of <see cref="NotificationEvents"/>.</param>
    /// <param name="EventId">The event's own id, the same however often it is raised (<c>reminder:42</c>).</param>
    /// <param name="Data">The event's data: what a webhook sends as <c>data</c> and an e-mail's template reads.</param>
    public sealed record Message(
        string EventType, string EventId, string Channel, string Destination, JsonObject Data, DateTimeOffset OccurredAt)
    {
        public string? OrganisationId { get; init; }
        public string? UserId { get; init; }
        public long? SubscriptionId { get; init; }
        public string Locale { get; init; } = "en";

        /// <summary>A digest period (<c>daily</c>): the message is held and sent with others in one digest.</summary>
        public string? Digest { get; init; }
    }

    /// <summary>Adds the message to <paramref name="db"/>'s unit of work; the caller saves.</summary>
    public static OutboxMessage Add(VigilDbContext db, Message message, DateTimeOffset now)
    {
        var row = new OutboxMessage
        {
            Id = Guid.CreateVersion7(now),
            EventType = message.EventType,
            EventId = message.EventId,
            Channel = message.Channel,
            Destination = message.Destination,
            OrganisationId = message.OrganisationId,
            UserId = message.UserId,
            SubscriptionId = message.SubscriptionId,
            Locale = message.Locale,
            Payload = message.Data.ToJsonString(),
            OccurredAt = message.OccurredAt,
            CreatedAt = now,
            State = message.Digest is null ? OutboxStates.Pending : OutboxStates.Held,
            NextAttemptAt = now,
            Digest = message.Digest,
        };
        db.OutboxMessages.Add(row);
        return row;
    }
}
