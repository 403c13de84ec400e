namespace Vigil.Data.Entities;

/// <summary>
/// Who wants to hear of what, and how: one event type over one channel, for a user or for an organisation. A new
/// organisation starts with rows that send its point of contact deadlines and requests for information by e-mail;
/// unsubscribing disables a row rather than deleting it, so a default is not given back unasked.
/// </summary>
public sealed class Subscription
{
    public long Id { get; init; }

    /// <summary>The organisation the subscription is for (its members' and contact's messages), or null for a CERT user's own.</summary>
    public string? OrganisationId { get; init; }

    /// <summary>The user whose subscription it is; null for an organisation's (sent to its point of contact or its endpoint).</summary>
    public string? UserId { get; init; }

    /// <summary>One of the notification event types (<c>deadline.due_soon</c> ...).</summary>
    public required string EventType { get; init; }

    /// <summary><c>email</c> or <c>webhook</c>.</summary>
    public required string Channel { get; init; }

    /// <summary>An e-mail address, or a webhook endpoint's id; null for the user's own address or the organisation's contact.</summary>
    public string? Destination { get; set; }

    /// <summary>Null to send each at once; <c>daily</c> to gather them into one message a day.</summary>
    public string? Digest { get; set; }

    public bool Enabled { get; set; } = true;

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}
