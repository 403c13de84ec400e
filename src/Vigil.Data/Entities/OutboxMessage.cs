namespace Vigil.Data.Entities;

/// <summary>
/// One notification to one destination, written in the same transaction as the change that caused it and delivered
/// later by the dispatcher. At least once: <see cref="Id"/> is the message's stable id (a webhook's
/// <c>webhook-id</c>, an e-mail's <c>Message-ID</c>), the same on every try, so a receiver drops duplicates.
/// Not part of the record: it says who was told, not what happened.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; }

    /// <summary>What happened, as <c>NotificationEvents</c> names it (<c>deadline.due_soon</c>, <c>note.published</c> ...).</summary>
    public required string EventType { get; init; }

    /// <summary>
    /// The event's own id (<c>reminder:42</c>, <c>note:ID:3</c>): with the channel and destination it is unique, so
    /// an event raised twice (two servers, a retried job) is told to each destination once.
    /// </summary>
    public required string EventId { get; init; }

    /// <summary><c>email</c> or <c>webhook</c>.</summary>
    public required string Channel { get; init; }

    /// <summary>An e-mail address, or a webhook endpoint's id.</summary>
    public required string Destination { get; init; }

    /// <summary>Whose message it is: the organisation and the user it is for (either may be null), for their views.</summary>
    public string? OrganisationId { get; init; }
    public string? UserId { get; init; }
    public long? SubscriptionId { get; init; }

    /// <summary>The reader's language for an e-mail (<c>en</c>, <c>hi</c>).</summary>
    public string Locale { get; init; } = "en";

    /// <summary>The event's data as a JSON object: a webhook's <c>data</c>, what an e-mail's template reads.</summary>
    public required string Payload { get; init; }

    public DateTimeOffset OccurredAt { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>See <c>OutboxStates</c>: pending, delivered, dead (given up), held (waiting for a digest), digested.</summary>
    public string State { get; set; } = "pending";
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>Which dispatcher is delivering it, and until when its claim holds (a killed one's claim lapses).</summary>
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>For a message held for a digest: the digest's period (<c>daily</c>), and the digest it went into.</summary>
    public string? Digest { get; init; }
    public Guid? DigestedInto { get; set; }
}
