using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Domain.Sharing;
using Vigil.Domain.Validation;
using Vigil.Server.Features.Events;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.Indicators;

/// <summary>
/// POST /api/v1/indicator-collections/{id}/indicators/{indicatorId}/release: an analyst decides, on the record and
/// with a reason, that an indicator may be shared under a lower label than its marking and its source give it (for
/// example one withheld since its incident was relabelled RED, because the domain is public knowledge). Only an
/// analyst who may read the indicator can release it.
/// </summary>
public static class ReleaseIndicator
{
    /// <summary>The body, for the API description; the server reads it strictly itself.</summary>
    public sealed record Request(string Tlp, string Reason);

    public static async Task<Results<Ok<CollectionIndicatorResponse>, ProblemHttpResult>> Handle(
        string id, string indicatorId, HttpRequest request, ClaimsPrincipal user, VigilDbContext db, EventRecorder events, WriteTransactions writes,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        // Whoever may not read the indicator learns nothing about it, not even that its body would be wrong.
        if (!await db.CollectionIndicators.AnyAsync(i => i.CollectionId == id && i.StixId == indicatorId, cancellationToken))
        {
            return Problems.NotFound($"indicator {indicatorId} in collection {id}");
        }
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            return await ReleaseAsync(id, indicatorId, document!.RootElement, user, db, events, writes, clock, cancellationToken);
        }
    }

    /// <summary>Reads <c>{tlp, reason}</c> strictly and releases the indicator, on the record: the API's handler and the analysts' page.</summary>
    public static async Task<Results<Ok<CollectionIndicatorResponse>, ProblemHttpResult>> ReleaseAsync(
        string id, string indicatorId, JsonElement body, ClaimsPrincipal user, VigilDbContext db, EventRecorder events, WriteTransactions writes,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        string? tlp = null, reason = null;
        var reader = new JsonFieldReader(clock.GetUtcNow());
        reader.Object(body, JsonPointer.Root, new Dictionary<string, Action<JsonElement, string>>
        {
            ["tlp"] = (v, p) => tlp = reader.OneOf(v, p, TlpLabel.All, "TLP 2.0 label"),
            ["reason"] = (v, p) => reason = reader.String(v, p, ImportBundle.MaxReasonLength, multiline: true),
        }, "tlp", "reason");
        if (reader.Errors.Count > 0)
        {
            return Problems.InvalidFields(reader.Errors);
        }
        await using var transaction = await CollectionTransaction.BeginAsync(db, writes, cancellationToken);
        var collection = await CollectionRows.CollectionAsync(db, id, cancellationToken);
        var indicator = collection is null ? null : await CollectionRows.IndicatorAsync(db, id, indicatorId, cancellationToken);
        if (collection is null || indicator is null)
        {
            return Problems.NotFound($"indicator {indicatorId} in collection {id}");
        }
        if (!DerivedLabel.MayRelease(tlp!, indicator.Marking, indicator.SourceTlp))
        {
            var derived = DerivedLabel.Derived(indicator.Marking, indicator.SourceTlp);
            return Problems.InvalidFields([new FieldError("/tlp", $"must be {derived} or less restrictive: a release lowers the label its marking and source give it")]);
        }
        var previous = indicator.Tlp;
        indicator.ReleasedTlp = tlp;
        indicator.Tlp = DerivedLabel.Effective(indicator.Marking, indicator.SourceTlp, indicator.ReleasedTlp);
        collection.UpdatedAt = clock.GetUtcNow();
        await events.RecordAsync(CollectionEvents.IndicatorReleased, id, new JsonObject
        {
            ["indicator_id"] = indicator.StixId, ["previous_tlp"] = previous, ["tlp"] = tlp, ["marking"] = indicator.Marking,
            ["source_tlp"] = indicator.SourceTlp, ["source_incident_id"] = indicator.SourceIncidentId, ["reason"] = reason,
        }, user, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(CollectionIndicatorResponse.From(indicator, staff: true, _ => true));
    }
}
