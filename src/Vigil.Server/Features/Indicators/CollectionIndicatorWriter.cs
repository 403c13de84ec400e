using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;

namespace Vigil.Server.Features.Indicators;

/// <summary>Adds indicators to a collection, each pattern (and each STIX id) once.</summary>
public static class CollectionIndicatorWriter
{
    public static async Task<(int Added, int AlreadyPresent)> AddAsync(
        VigilDbContext db, IndicatorCollection collection, IEnumerable<CollectionIndicator> candidates, TimeProvider clock, CancellationToken cancellationToken)
    {
        var held = await db.CollectionIndicators.Where(i => i.CollectionId == collection.Id)
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
        await db.SaveChangesAsync(cancellationToken);
        return (added, present);
    }
}
