using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Domain.Sharing;
using Vigil.Indicators.Stix;
using Vigil.Server.Infrastructure.Http;

namespace Vigil.Server.Features.Indicators;

/// <summary>GET /api/v1/indicator-collections/{id}/stix: the collection as a STIX bundle of what the caller may read.</summary>
public static class ExportCollection
{
    public const string StixMediaType = "application/stix+json;version=2.1";

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Handle(
        string id, VigilDbContext db, CollectionBundle builder, CancellationToken cancellationToken)
    {
        var collection = await db.IndicatorCollections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (collection is null)
        {
            return Problems.NotFound("indicator collection " + id);
        }
        var indicators = await db.CollectionIndicators.AsNoTracking().Where(i => i.CollectionId == id).OrderBy(i => i.Id).ToListAsync(cancellationToken);
        using var buffer = new MemoryStream();
        StixBundleWriter.Write(builder.Build(collection, indicators), buffer, indented: true);
        // The file is named for the narrowest label inside it, so that nobody shares it by its name's wider one.
        var label = TlpLabel.MostRestrictive(indicators.Select(i => i.Tlp), collection.Tlp);
        return TypedResults.File(buffer.ToArray(), StixMediaType, $"vigil-{collection.Id}-tlp-{label.ToLowerInvariant().Replace('+', '-')}.json");
    }
}
