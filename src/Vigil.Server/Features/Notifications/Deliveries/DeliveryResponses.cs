using System.Text.Json.Nodes;
using Vigil.Data.Entities;

namespace Vigil.Server.Features.Notifications.Deliveries;

/// <summary>An outbox message as its delivery views show it: where it stands, its tries, and when the next comes.</summary>
/// <param name="NextAttemptAt">When it is tried next; null unless pending.</param>
public sealed record DeliveryResponse(
    Guid Id, string EventType, string EventId, string Channel, string Destination, string? OrganisationId, string? UserId,
    string State, int Attempts, DateTimeOffset OccurredAt, DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt,
    DateTimeOffset? LastAttemptAt, string? LastError, DateTimeOffset? DeliveredAt)
{
    public static DeliveryResponse From(OutboxMessage m) => new(
        m.Id, m.EventType, m.EventId, m.Channel, m.Destination, m.OrganisationId, m.UserId, m.State, m.Attempts, m.OccurredAt, m.CreatedAt,
        m.State == OutboxStates.Pending ? m.NextAttemptAt : null, m.LastAttemptAt, m.LastError, m.DeliveredAt);
}

/// <summary>One try: when, how it ended, the destination's status code, why it failed and how long it took.</summary>
public sealed record AttemptResponse(DateTimeOffset At, string Outcome, int? StatusCode, string? Error, int DurationMilliseconds)
{
    public static AttemptResponse From(OutboxAttempt a) => new(a.At, a.Outcome, a.StatusCode, a.Error, a.DurationMilliseconds);
}

/// <summary>A message with its data and every try, oldest first.</summary>
public sealed record DeliveryDetailResponse(DeliveryResponse Message, JsonNode? Data, IReadOnlyList<AttemptResponse> History);
