using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;

namespace Vigil.Server.Features.Indicators;

/// <summary>
/// Adds indicators to a collection, each pattern (and each STIX id) once. Nothing is saved here: the caller records
/// the change as an event, which saves it in the same transaction.
/// </summary>
public static class CollectionIndicatorWriter
{
    public static async Task<(int Added, int AlreadyPresent)> AddAsync(
        VigilDbContext db, IndicatorCollection collection, IEnumerable<CollectionIndicator> candidates, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (fresh, present) = await SortAsync(db, collection.Id, candidates, cancellationToken);
        db.CollectionIndicators.AddRange(fresh);
        if (fresh.Count > 0) { collection.UpdatedAt = clock.GetUtcNow(); }
        await Notifications.Subscriptions.CollectionNotifications.AddAsync(db, collection, created: false, fresh.Count, clock.GetUtcNow(), cancellationToken);
        return (fresh.Count, present.Count);
    }

    /// <summary>
    /// Which candidates would be added and which the collection already holds (the same pattern or STIX id, or one
    /// given earlier in the same list), without writing: the import's preview shows it, the writer adds the first list.
    /// </summary>
    public static async Task<(List<CollectionIndicator> Fresh, List<CollectionIndicator> Present)> SortAsync(
        VigilDbContext db, string collectionId, IEnumerable<CollectionIndicator> candidates, CancellationToken cancellationToken)
    {
        // Past the filter: a pattern the analyst may not read (withheld under its source's label) is still held.
        var held = await db.CollectionIndicators.IgnoreQueryFilters([AudienceFilters.Name]).Where(i => i.CollectionId == collectionId)
            .Select(i => new { i.Pattern, i.StixId }).ToListAsync(cancellationToken);
        var patterns = held.Select(h => h.Pattern).ToHashSet(StringComparer.Ordinal);
        var ids = held.Select(h => h.StixId).ToHashSet(StringComparer.Ordinal);
        List<CollectionIndicator> fresh = [], present = [];
        foreach (var candidate in candidates)
        {
            (patterns.Add(candidate.Pattern) && ids.Add(candidate.StixId) ? fresh : present).Add(candidate);
        }
        return (fresh, present);
    }
}
