using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Vigil.Data;
using Vigil.Server.Features.Events;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.Indicators;

/// <summary>DELETE /api/v1/indicator-collections/{id}/indicators/{indicatorId}: an analyst takes an indicator out, on the record.</summary>
public static class RemoveIndicator
{
    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(
        string id, string indicatorId, ClaimsPrincipal user, VigilDbContext db, EventRecorder events, WriteTransactions writes, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        await using var transaction = await CollectionTransaction.BeginAsync(db, writes, cancellationToken);
        var collection = await CollectionRows.CollectionAsync(db, id, cancellationToken);
        var indicator = collection is null ? null : await CollectionRows.IndicatorAsync(db, id, indicatorId, cancellationToken);
        if (collection is null || indicator is null)
        {
            return Problems.NotFound($"indicator {indicatorId} in collection {id}");
        }
        db.CollectionIndicators.Remove(indicator);
        collection.UpdatedAt = clock.GetUtcNow();
        await events.RecordAsync(CollectionEvents.IndicatorRemoved, id, new JsonObject
        {
            ["indicator_id"] = indicator.StixId, ["tlp"] = indicator.Tlp, ["source_incident_id"] = indicator.SourceIncidentId,
        }, user, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
