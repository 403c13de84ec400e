using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;

namespace Vigil.Server.Features.Notifications.Subscriptions;

/// <summary>
/// What an organisation's point of contact hears without configuring anything: deadlines near and passed, and
/// requests for information, by e-mail. A new organisation gets the rows with its creation; organisations that existed
/// before get them from <see cref="SubscriptionDefaultsJob"/>. A row is only ever added where none of its kind exists,
/// and unsubscribing disables a default rather than deleting it, so what an organisation turned off stays off.
/// </summary>
public static class DefaultSubscriptions
{
    public static readonly IReadOnlyList<string> EventTypes =
        [NotificationEvents.DeadlineDueSoon, NotificationEvents.DeadlineOverdue, NotificationEvents.RequestOpened];

    /// <summary>Whether a row is one of the defaults' kind: the organisation's own, by e-mail, to its point of contact.</summary>
    public static bool IsDefaultShaped(Subscription s) =>
        s.UserId is null && s.OrganisationId is not null && s.Channel == NotificationChannels.Email && s.Destination is null
        && EventTypes.Contains(s.EventType);

    /// <summary>Adds a new organisation's default rows to the caller's unit of work.</summary>
    public static void Add(VigilDbContext db, string organisationId, DateTimeOffset now)
    {
        foreach (var type in EventTypes)
        {
            db.Subscriptions.Add(New(organisationId, type, now));
        }
    }

    /// <summary>Gives every organisation the defaults it has no row of their kind for (enabled or not); returns how many rows it added.</summary>
    public static async Task<int> EnsureAllAsync(VigilDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var organisations = await db.Organisations.AsNoTracking().Select(o => o.Id).ToListAsync(cancellationToken);
        var present = (await db.Subscriptions.AsNoTracking()
            .Where(s => s.UserId == null && s.OrganisationId != null && s.Channel == NotificationChannels.Email && s.Destination == null)
            .Select(s => new { s.OrganisationId, s.EventType }).ToListAsync(cancellationToken))
            .Select(s => (s.OrganisationId!, s.EventType)).ToHashSet();
        var missing = organisations.SelectMany(o => EventTypes.Where(t => !present.Contains((o, t))).Select(t => New(o, t, now))).ToList();
        db.Subscriptions.AddRange(missing);
        await db.SaveChangesAsync(cancellationToken);
        return missing.Count;
    }

    private static Subscription New(string organisationId, string type, DateTimeOffset now) => new()
    {
        OrganisationId = organisationId,
        EventType = type,
        Channel = NotificationChannels.Email,
        CreatedAt = now,
        UpdatedAt = now,
    };
}
