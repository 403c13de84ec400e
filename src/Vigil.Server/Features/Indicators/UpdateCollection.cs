using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Domain.Sharing;
using Vigil.Domain.Validation;
using Vigil.Server.Infrastructure.Http;

namespace Vigil.Server.Features.Indicators;

/// <summary>PATCH /api/v1/indicator-collections/{id}: an analyst changes what is given; <c>description: null</c> clears it.</summary>
public static class UpdateCollection
{
    public static async Task<Results<Ok<CollectionResponse>, ProblemHttpResult>> Handle(
        string id, HttpRequest request, VigilDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var collection = await db.IndicatorCollections.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (collection is null)
        {
            return Problems.NotFound("indicator collection " + id);
        }
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            var reader = new JsonFieldReader(clock.GetUtcNow());
            var fields = await CollectionFields.ReadAsync(reader, document!.RootElement, db, id, cancellationToken);
            if (reader.Errors.Count > 0)
            {
                return Problems.InvalidFields(reader.Errors);
            }
            if (fields.Tlp is { } tlp && await MostRestrictiveSourceAsync(db, id, cancellationToken) is { } source
                && TlpLabel.WouldWiden(source, tlp))
            {
                return Problems.Conflict("urn:vigil:problem:tlp-would-widen", "The label would widen the audience",
                    $"Some indicators come from incidents labelled TLP:{source}; the collection cannot be shared more widely than they are.",
                    [new FieldError("/tlp", $"must be {source} or more restrictive")]);
            }
            collection.Name = fields.Name ?? collection.Name;
            collection.Description = fields.HasDescription ? fields.Description : collection.Description;
            collection.Tlp = fields.Tlp ?? collection.Tlp;
            collection.MalwareNames = fields.Malware ?? collection.MalwareNames;
            collection.IncidentIds = fields.IncidentIds ?? collection.IncidentIds;
            collection.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            var count = await db.CollectionIndicators.CountAsync(i => i.CollectionId == id, cancellationToken);
            return TypedResults.Ok(CollectionResponse.From(collection, count));
        }
    }

    /// <summary>The most restrictive label among the incidents the collection's indicators were taken from.</summary>
    public static async Task<string?> MostRestrictiveSourceAsync(VigilDbContext db, string collectionId, CancellationToken cancellationToken)
    {
        var labels = await db.CollectionIndicators.Where(i => i.CollectionId == collectionId && i.SourceIncidentId != null)
            .Join(db.Incidents, i => i.SourceIncidentId, incident => incident.Id, (_, incident) => incident.Tlp)
            .Distinct().ToListAsync(cancellationToken);
        return labels.Count == 0 ? null : TlpLabel.MostRestrictive(labels);
    }
}
