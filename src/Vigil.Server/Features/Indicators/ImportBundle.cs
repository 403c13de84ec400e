using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Validation;
using Vigil.Indicators.Stix;
using Vigil.Server.Infrastructure.Http;

namespace Vigil.Server.Features.Indicators;

/// <summary>
/// POST /api/v1/indicator-collections/{id}/bundles: an analyst imports a STIX 2.1 bundle (at most 16 MiB). Its
/// indicators join the collection under their own ids; the names of its malware join the collection's malware.
/// A bundle with any problem is refused whole, with every problem named. Importing the same bundle again adds
/// nothing, so the endpoint needs no Idempotency-Key (whose stored bodies are limited to ordinary request sizes).
/// </summary>
public static class ImportBundle
{
    /// <summary>Public sets are larger than ordinary requests: the Pegasus set alone is 1.1 MB.</summary>
    public const int MaxBundleBytes = 16 * 1024 * 1024;

    public static async Task<Results<Ok<IndicatorsAdded>, ProblemHttpResult>> Handle(
        string id, HttpRequest request, VigilDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var collection = await db.IndicatorCollections.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (collection is null)
        {
            return Problems.NotFound("indicator collection " + id);
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBundleBytes + 1;
        }
        var (document, problem) = await JsonBody.ReadAsync(request, MaxBundleBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        StixBundle bundle;
        using (document)
        {
            var errors = BundleChecks.Check(document!.RootElement);
            if (errors.Count > 0)
            {
                return Problems.InvalidFields(errors, title: "The STIX bundle is invalid");
            }
            try
            {
                bundle = StixBundleReader.Read(document.RootElement);
            }
            catch (StixFormatException e)
            {
                return Problems.InvalidFields([new FieldError("", e.Message)], title: "The STIX bundle is invalid");
            }
        }
        var now = clock.GetUtcNow();
        var candidates = bundle.OfType<StixIndicator>().Select(i => new CollectionIndicator
        {
            CollectionId = id, StixId = i.Id, Pattern = i.Pattern, Name = i.Name, Description = i.Description,
            ValidFrom = i.ValidFrom, CreatedAt = now, Marking = collection.Tlp, Tlp = collection.Tlp,
        }).ToList();
        var malware = bundle.OfType<StixMalware>().Select(m => m.Name).OfType<string>().Where(n => !collection.MalwareNames.Contains(n)).Distinct().ToList();
        if (malware.Count > 0) { collection.MalwareNames = [.. collection.MalwareNames, .. malware]; }
        var (added, present) = await CollectionIndicatorWriter.AddAsync(db, collection, candidates, clock, cancellationToken);
        var count = await db.CollectionIndicators.CountAsync(i => i.CollectionId == id, cancellationToken);
        return TypedResults.Ok(new IndicatorsAdded(CollectionResponse.From(collection, count), added, present));
    }
}
