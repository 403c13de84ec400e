using System.Text.Json.Nodes;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Server.Features.Sharing;

namespace Vigil.Server.Features.Notifications.Subscriptions;

/// <summary>
/// An indicator collection opened or grown, told in the change's transaction to every subscriber (an organisation's,
/// or the CERT's staff) that may read it under its label.
/// </summary>
public static class CollectionNotifications
{
    /// <param name="added">How many indicators the change added; a change that added none tells nobody.</param>
    public static async Task AddAsync(VigilDbContext db, IndicatorCollection collection, bool created, int added, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!created && added == 0)
        {
            return;
        }
        // A collection grows many times, each in one transaction that tells it once: a fresh id per growth, not a time two could share.
        var id = created ? $"collection:{collection.Id}:created" : $"collection:{collection.Id}:grew:{Guid.CreateVersion7(now):N}";
        await NotificationRouter.AddAsync(db, new NotificationEvent(NotificationEvents.CollectionPublished, id, new JsonObject
        {
            ["collection_id"] = collection.Id,
            ["name"] = collection.Name,
            ["tlp"] = collection.Tlp,
            ["added"] = added,
        }, now)
        {
            About = new SharedThing(AudienceFilters.Collection, collection.Id, collection.Tlp, null),
        }, now, cancellationToken);
    }
}
