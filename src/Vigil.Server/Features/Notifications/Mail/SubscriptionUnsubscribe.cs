using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Server.Features.Events;

namespace Vigil.Server.Features.Notifications.Mail;

/// <summary>
/// Turning a subscription off from its mail's link: <c>Enabled = false</c>, on the record as a change made by no
/// signed-in user. Once only: a second click (a mail client's one-click and then the reader's) changes nothing and
/// records nothing, and answers the same.
/// </summary>
public sealed class SubscriptionUnsubscribe(VigilDbContext db, EventRecorder events, TimeProvider clock)
{
    public const string Disabled = "subscription-disabled";

    /// <summary>What the page names: the kind of notification and the address it went to.</summary>
    public sealed record Target(long Id, string EventType, string Address, bool Enabled);

    public async Task<Target?> FindAsync(long id, CancellationToken cancellationToken)
    {
        var subscription = await db.Subscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subscription is null)
        {
            return null;
        }
        var address = subscription.Destination
            ?? (subscription.UserId is { } user ? await db.Users.Where(u => u.Id == user).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken) : null)
            ?? (subscription.OrganisationId is { } organisation
                ? await db.Organisations.Where(o => o.Id == organisation).Select(o => o.ContactEmail).SingleOrDefaultAsync(cancellationToken) : null);
        return new Target(subscription.Id, subscription.EventType, address ?? "", subscription.Enabled);
    }

    public async Task<Target?> DisableAsync(long id, CancellationToken cancellationToken)
    {
        var subscription = await db.Subscriptions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subscription is null)
        {
            return null;
        }
        if (subscription.Enabled)
        {
            subscription.Enabled = false;
            subscription.UpdatedAt = clock.GetUtcNow();
            await events.RecordAsync(new EventRecorder.Event(Disabled, "subscription", subscription.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                new JsonObject
                {
                    ["event_type"] = subscription.EventType,
                    ["channel"] = subscription.Channel,
                    ["user_id"] = subscription.UserId,
                    ["by"] = "unsubscribe-link",
                }, subscription.OrganisationId, subscription.OrganisationId is not null), actor: null, cancellationToken);
        }
        return await FindAsync(id, cancellationToken);
    }
}
