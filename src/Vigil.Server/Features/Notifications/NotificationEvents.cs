namespace Vigil.Server.Features.Notifications;

/// <summary>The events Vigil notifies of: a webhook's <c>type</c>, what a subscription chooses, an e-mail's template.</summary>
public static class NotificationEvents
{
    /// <summary>A deadline of a reporting regime, or a request's due time, is near.</summary>
    public const string DeadlineDueSoon = "deadline.due_soon";

    /// <summary>A deadline passed without what it asked for.</summary>
    public const string DeadlineOverdue = "deadline.overdue";

    /// <summary>The CERT asked an organisation for information on one of its incidents.</summary>
    public const string RequestOpened = "request.opened";

    /// <summary>An incident's status changed.</summary>
    public const string IncidentStatusChanged = "incident.status_changed";

    /// <summary>A vulnerability note was published, or a revision of it, that affects the organisation's inventory.</summary>
    public const string NotePublished = "note.published";

    /// <summary>An indicator collection the subscriber may read was published or grew.</summary>
    public const string CollectionPublished = "collection.published";

    public static readonly IReadOnlyList<string> All =
        [DeadlineDueSoon, DeadlineOverdue, RequestOpened, IncidentStatusChanged, NotePublished, CollectionPublished];
}

/// <summary>Where an outbox message stands.</summary>
public static class OutboxStates
{
    /// <summary>Waiting for its next try (at <c>NextAttemptAt</c>).</summary>
    public const string Pending = "pending";

    /// <summary>The destination took it.</summary>
    public const string Delivered = "delivered";

    /// <summary>Given up after the last allowed try, or refused for good; "send again" makes it pending.</summary>
    public const string Dead = "dead";

    /// <summary>Kept for a digest, not sent alone.</summary>
    public const string Held = "held";

    /// <summary>Sent as part of a digest (<c>DigestedInto</c>).</summary>
    public const string Digested = "digested";
}

/// <summary>The two ways a message leaves Vigil.</summary>
public static class NotificationChannels
{
    public const string Email = "email";
    public const string Webhook = "webhook";
}
