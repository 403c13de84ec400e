using Vigil.Data.Entities;

namespace Vigil.Server.Features.Notifications.Subscriptions;

/// <param name="OrganisationId">The organisation it is for; with no <paramref name="UserId"/>, the organisation's own (its point of contact's or its webhook's).</param>
/// <param name="Destination">An e-mail address or a webhook endpoint's id; null: the user's own address, or the organisation's point of contact.</param>
/// <param name="Digest">Null: each message at once; <c>daily</c>: one digest a day.</param>
/// <param name="Default">One of the rows every organisation starts with: deleting it disables it.</param>
public sealed record SubscriptionResponse(
    long Id, string? OrganisationId, string? UserId, string EventType, string Channel, string? Destination, string? Digest, bool Enabled,
    bool Default, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static SubscriptionResponse From(Subscription s) => new(
        s.Id, s.OrganisationId, s.UserId, s.EventType, s.Channel, s.Destination, s.Digest, s.Enabled, DefaultSubscriptions.IsDefaultShaped(s), s.CreatedAt, s.UpdatedAt);
}

public sealed record SubscriptionList(IReadOnlyList<SubscriptionResponse> Items);
