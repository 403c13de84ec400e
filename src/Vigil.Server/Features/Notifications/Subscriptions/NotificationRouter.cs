using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Sharing;

namespace Vigil.Server.Features.Notifications.Subscriptions;

/// <summary>
/// Turns one event into outbox rows: one per destination among the enabled subscriptions that should hear it and whose
/// subscriber the TLP audience rule lets read (or, for an incident's deadlines and status, know of) what it is about.
/// Rows are added to the caller's unit of work, so they are saved in the transaction of the change that caused them.
/// </summary>
public static class NotificationRouter
{
    /// <summary>Adds the event's outbox rows to <paramref name="db"/>; the caller saves. Returns how many it added.</summary>
    public static async Task<int> AddAsync(VigilDbContext db, NotificationEvent e, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var concerned = e.Organisations;
        var subscriptions = await db.Subscriptions.AsNoTracking()
            .Where(s => s.Enabled && s.EventType == e.Type
                && (concerned == null || (s.OrganisationId == null && s.UserId != null) || concerned.Contains(s.OrganisationId!)))
            .OrderBy(s => s.Id).ToListAsync(cancellationToken);
        if (subscriptions.Count == 0)
        {
            return 0;
        }
        var subscribers = await Subscribers.LoadAsync(db, subscriptions, e.About, cancellationToken);
        var told = await AlreadyToldAsync(db, e.Id, cancellationToken);
        var added = 0;
        foreach (var subscription in subscriptions)
        {
            if (subscribers.Find(subscription) is not { } subscriber || !MayHear(subscriber, e, out var mayRead))
            {
                continue;
            }
            var destination = subscription.Channel == NotificationChannels.Email
                ? subscription.Destination ?? subscriber.Address
                : subscription.Destination;
            if (string.IsNullOrEmpty(destination) || !told.Add((subscription.Channel, destination)))
            {
                continue;
            }
            var data = (JsonObject)e.Data.DeepClone();
            if (mayRead && e.ReadersOnly is not null)
            {
                foreach (var (name, value) in e.ReadersOnly)
                {
                    data[name] = value?.DeepClone();
                }
            }
            NotificationOutbox.Add(db, new NotificationOutbox.Message(e.Type, e.Id, subscription.Channel, destination, data, e.OccurredAt)
            {
                OrganisationId = subscription.OrganisationId,
                UserId = subscription.UserId,
                SubscriptionId = subscription.Id,
                Locale = subscriber.Locale,
                Digest = subscription.Digest,
            }, now);
            added++;
        }
        return added;
    }

    private static bool MayHear(Subscribers.Subscriber subscriber, NotificationEvent e, out bool mayRead)
    {
        if (e.About is null)
        {
            mayRead = true;
            return true;
        }
        var facts = subscriber.FactsOf(e.About);
        mayRead = TlpAudience.MayRead(subscriber.Reader, facts);
        return mayRead || (e.KnowingSuffices && TlpAudience.MayKnowOf(subscriber.Reader, facts));
    }

    /// <summary>The destinations the event already went to: stored, or added earlier in this unit of work.</summary>
    private static async Task<HashSet<(string, string)>> AlreadyToldAsync(VigilDbContext db, string eventId, CancellationToken cancellationToken)
    {
        var stored = await db.OutboxMessages.AsNoTracking().Where(m => m.EventId == eventId)
            .Select(m => new { m.Channel, m.Destination }).ToListAsync(cancellationToken);
        return
        [
            .. stored.Select(m => (m.Channel, m.Destination)),
            .. db.OutboxMessages.Local.Where(m => m.EventId == eventId).Select(m => (m.Channel, m.Destination)),
        ];
    }
}
