using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Indicators.Stix;
using Vigil.Server.Infrastructure.Http;

namespace Vigil.Server.Features.Indicators;

/// <summary>Lists, shows and exports the collections the caller's TLP audience allows; TLP:CLEAR needs no sign-in.</summary>
public static class ReadCollections
{
    public const string StixMediaType = "application/stix+json;version=2.1";

    public static async Task<Ok<List<CollectionResponse>>> List(ClaimsPrincipal user, VigilDbContext db, CancellationToken cancellationToken)
    {
        var collections = await db.IndicatorCollections.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var ids = collections.Select(c => c.Id).ToList();
        var counts = await db.CollectionIndicators.Where(i => ids.Contains(i.CollectionId)).GroupBy(i => i.CollectionId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return TypedResults.Ok(collections.Select(c => CollectionResponse.From(c, counts.GetValueOrDefault(c.Id))).ToList());
    }

    public static async Task<Results<Ok<CollectionDetail>, ProblemHttpResult>> Get(
        string id, ClaimsPrincipal user, VigilDbContext db, CancellationToken cancellationToken)
    {
        var collection = await db.IndicatorCollections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (collection is null)
        {
            return Problems.NotFound("indicator collection " + id);
        }
        var indicators = await db.CollectionIndicators.AsNoTracking().Where(i => i.CollectionId == id).OrderBy(i => i.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(new CollectionDetail(CollectionResponse.From(collection, indicators.Count), [.. indicators.Select(CollectionIndicatorResponse.From)]));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(
        string id, ClaimsPrincipal user, VigilDbContext db, CollectionBundle builder, CancellationToken cancellationToken)
    {
        var collection = await db.IndicatorCollections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (collection is null)
        {
            return Problems.NotFound("indicator collection " + id);
        }
        var indicators = await db.CollectionIndicators.AsNoTracking().Where(i => i.CollectionId == id).OrderBy(i => i.Id).ToListAsync(cancellationToken);
        using var buffer = new MemoryStream();
        StixBundleWriter.Write(builder.Build(collection, indicators), buffer, indented: true);
        return TypedResults.File(buffer.ToArray(), StixMediaType, $"vigil-{collection.Id}-tlp-{collection.Tlp.ToLowerInvariant().Replace('+', '-')}.json");
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveIndicator(
        string id, string indicatorId, VigilDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var collection = await db.IndicatorCollections.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        var indicator = await db.CollectionIndicators.SingleOrDefaultAsync(i => i.CollectionId == id && i.StixId == indicatorId, cancellationToken);
        if (collection is null || indicator is null)
        {
            return Problems.NotFound($"indicator {indicatorId} in collection {id}");
        }
        db.CollectionIndicators.Remove(indicator);
        collection.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
