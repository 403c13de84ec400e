using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Domain.Sharing;
using Vigil.Server.Infrastructure.Http;

namespace Vigil.Server.Features.Indicators;

/// <summary>
/// Lists and shows the collections the caller's TLP audience allows (TLP:CLEAR needs no sign-in), each with the
/// indicators the caller may read. Incident ids appear only where the caller may know of the incident.
/// </summary>
public static class ReadCollections
{
    public static async Task<Ok<List<CollectionResponse>>> List(VigilDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ListAsync(db, cancellationToken));

    public static async Task<Results<Ok<CollectionDetail>, ProblemHttpResult>> Get(string id, VigilDbContext db, CancellationToken cancellationToken) =>
        await FindAsync(db, id, cancellationToken) is { } detail ? TypedResults.Ok(detail) : Problems.NotFound("indicator collection " + id);

    /// <summary>The collections the caller may read, by name; the API's list and the /indicators page.</summary>
    public static async Task<List<CollectionResponse>> ListAsync(VigilDbContext db, CancellationToken cancellationToken)
    {
        var collections = await db.IndicatorCollections.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var ids = collections.Select(c => c.Id).ToList();
        var counts = await db.CollectionIndicators.Where(i => ids.Contains(i.CollectionId)).GroupBy(i => i.CollectionId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var known = await KnownIncidentsAsync(db, collections.SelectMany(c => c.IncidentIds), cancellationToken);
        return [.. collections.Select(c => CollectionResponse.From(c, counts.GetValueOrDefault(c.Id), known.Contains))];
    }

    /// <summary>One collection with the indicators the caller may read; null when it may not read the collection.</summary>
    public static async Task<CollectionDetail?> FindAsync(VigilDbContext db, string id, CancellationToken cancellationToken)
    {
        var collection = await db.IndicatorCollections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (collection is null)
        {
            return null;
        }
        var indicators = await db.CollectionIndicators.AsNoTracking().Where(i => i.CollectionId == id).OrderBy(i => i.Id).ToListAsync(cancellationToken);
        var staff = db.Reader.Standing == ReaderStanding.Cert;
        var known = await KnownIncidentsAsync(db, [.. collection.IncidentIds, .. indicators.Select(i => i.SourceIncidentId).OfType<string>()], cancellationToken);
        int? withheld = null;
        if (staff)
        {
            // A figure past the filter: the CERT curates the collection and must know that some of it is held back,
            // including what its own reader may not read (named people only); no content leaves with the count.
            string[] narrower = [.. TlpLabel.All.Where(label => TlpLabel.WouldWiden(label, collection.Tlp))];
            withheld = await db.CollectionIndicators.IgnoreQueryFilters([AudienceFilters.Name])
                .CountAsync(i => i.CollectionId == id && narrower.Contains(i.Tlp), cancellationToken);
        }
        return new CollectionDetail(
            CollectionResponse.From(collection, indicators.Count, known.Contains),
            [.. indicators.Select(i => CollectionIndicatorResponse.From(i, staff, known.Contains))], withheld);
    }

    private static async Task<HashSet<string>> KnownIncidentsAsync(VigilDbContext db, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        return wanted.Count == 0 ? [] : [.. await db.KnownIncidents().Where(i => wanted.Contains(i.Id)).Select(i => i.Id).ToListAsync(cancellationToken)];
    }
}
