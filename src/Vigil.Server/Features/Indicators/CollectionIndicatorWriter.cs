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
        // Past the filter: a pattern the analyst may not read (withheld under its source's label) is still held.
        var held = await db.CollectionIndicators.IgnoreQueryFilters([AudienceFilters.Name]).Where(i => i.CollectionId == collection.Id)
            .Select(i => new { i.Pattern, i.StixId }).ToListAsync(cancellationToken);
        var patterns = held.Select(h => h.Pattern).ToHashSet(StringComparer.Ordinal);
        var ids = held.Select(h => h.StixId).ToHashSet(StringComparer.Ordinal);
        int added = 0, present = 0;
        foreach (var candidate in candidates)
        {
            if (!patterns.Add(candidate.Pattern) || !ids.Add(candidate.StixId))
            {
                present++;
                continue;
            }
            db.CollectionIndicators.Add(candidate);
            added++;
        }
        if (added > 0) { collection.UpdatedAt = clock.GetUtcNow(); }
        return (added, present);
    }
}
