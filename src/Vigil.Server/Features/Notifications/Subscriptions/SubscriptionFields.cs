using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Validation;

namespace Vigil.Server.Features.Notifications.Subscriptions;

/// <summary>
/// The members of a subscription's body, read strictly, and the rule for where it may send. An organisation's e-mail
/// goes to its point of contact or to one of its members' addresses, never to any address: what an organisation hears
/// may be labelled for it alone (TLP:AMBER), and the audience rule counts its contact and members in that audience,
/// nobody else. A person's own subscriptions go to their own address. A webhook is an organisation's, and names one of
/// its endpoints.
/// </summary>
public sealed class SubscriptionFields(JsonFieldReader reader)
{
    public static readonly IReadOnlyList<string> Channels = [NotificationChannels.Email, NotificationChannels.Webhook];
    public static readonly IReadOnlyList<string> Digests = [DigestGathering.Daily];

    public string? EventType { get; private set; }
    public string? Channel { get; private set; }
    public string? Destination { get; private set; }
    public bool DestinationGiven { get; private set; }
    public string? Digest { get; private set; }
    public bool DigestGiven { get; private set; }
    public string? OrganisationId { get; private set; }
    public bool? Enabled { get; private set; }

    public Action<JsonElement, string> ReadEventType => (v, p) => EventType = reader.OneOf(v, p, NotificationEvents.All, "event type");
    public Action<JsonElement, string> ReadChannel => (v, p) => Channel = reader.OneOf(v, p, Channels, "channel");
    public Action<JsonElement, string> ReadOrganisation => (v, p) => OrganisationId = reader.String(v, p, 36);
    public Action<JsonElement, string> ReadEnabled => (v, p) => Enabled = reader.Boolean(v, p);

    public Action<JsonElement, string> ReadDestination => (v, p) =>
    {
        DestinationGiven = true;
        Destination = v.ValueKind == JsonValueKind.Null ? null : reader.String(v, p, 320);
    };

    public Action<JsonElement, string> ReadDigest => (v, p) =>
    {
        DigestGiven = true;
        Digest = v.ValueKind == JsonValueKind.Null ? null : reader.OneOf(v, p, Digests, "digest period");
    };

    /// <summary>Checks where a subscription of this shape may send (<see cref="SubscriptionFields"/>); failures go to <c>/destination</c> or <c>/channel</c>.</summary>
    public async Task CheckDestinationAsync(VigilDbContext db, Subscription shape, string? destination, string ownAddress, CancellationToken cancellationToken)
    {
        if (shape.Channel == NotificationChannels.Webhook)
        {
            if (shape.UserId is not null || shape.OrganisationId is null)
            {
                reader.Fail("/channel", "a webhook is an organisation's: give organisation_id");
            }
            else if (destination is null)
            {
                reader.Fail("/destination", "is required for a webhook: the id of one of the organisation's webhook endpoints");
            }
            else if (!await db.WebhookEndpoints.AnyAsync(w => w.Id == destination && w.OrganisationId == shape.OrganisationId && w.Enabled, cancellationToken))
            {
                reader.Fail("/destination", $"'{JsonFieldReader.Shorten(destination)}' is not one of the organisation's webhook endpoints");
            }
            return;
        }
        if (destination is null)
        {
            return;
        }
        if (!JsonFieldReader.IsEmailAddress(destination))
        {
            reader.Fail("/destination", $"'{JsonFieldReader.Shorten(destination)}' is not an e-mail address");
        }
        else if (shape.UserId is not null)
        {
            if (!string.Equals(destination, ownAddress, StringComparison.OrdinalIgnoreCase))
            {
                reader.Fail("/destination", "your own subscriptions go to your own address: leave destination out");
            }
        }
        else if (!await IsOrganisationAddressAsync(db, shape.OrganisationId!, destination, cancellationToken))
        {
            reader.Fail("/destination", "must be the organisation's point of contact or one of its members' addresses");
        }
    }

    private static async Task<bool> IsOrganisationAddressAsync(VigilDbContext db, string organisationId, string address, CancellationToken cancellationToken)
    {
        var lower = address.ToLowerInvariant();
        var contact = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => o.ContactEmail).SingleOrDefaultAsync(cancellationToken);
        return string.Equals(contact, address, StringComparison.OrdinalIgnoreCase)
            || await db.Users.AnyAsync(u => u.OrganisationId == organisationId && u.Email == lower && u.DisabledAt == null, cancellationToken);
    }
}
