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
/// PATCH /api/v1/indicator-collections/{id}: an analyst changes what is given; <c>description: null</c> clears it. A
/// collection is never labelled more widely than any indicator it holds is shared under.
/// </summary>
public static class UpdateCollection
{
    /// <summary>How many of the indicators that stand in the way a refusal names.</summary>
    private const int Named = 20;

    public static async Task<Results<Ok<CollectionResponse>, ProblemHttpResult>> Handle(
        string id, HttpRequest request, ClaimsPrincipal user, VigilDbContext db, EventRecorder events, WriteTransactions writes, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!await db.IndicatorCollections.AnyAsync(c => c.Id == id, cancellationToken))
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
            return await UpdateAsync(id, document!.RootElement, user, db, events, writes, clock, cancellationToken);
        }
    }

    /// <summary>Reads the body strictly and changes the collection, on the record: the API's handler and the analysts' page.</summary>
    public static async Task<Results<Ok<CollectionResponse>, ProblemHttpResult>> UpdateAsync(
        string id, JsonElement body, ClaimsPrincipal user, VigilDbContext db, EventRecorder events, WriteTransactions writes, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var reader = new JsonFieldReader(clock.GetUtcNow());
        var fields = await CollectionFields.ReadAsync(reader, body, db, id, cancellationToken);
        if (reader.Errors.Count > 0)
        {
            return Problems.InvalidFields(reader.Errors);
        }
        await using var transaction = await CollectionTransaction.BeginAsync(db, writes, cancellationToken);
        var collection = await CollectionRows.CollectionAsync(db, id, cancellationToken);
        if (collection is null)
        {
            return Problems.NotFound("indicator collection " + id);
        }
        if (fields.Tlp is { } tlp && await NarrowerIndicatorsAsync(db, id, tlp, cancellationToken) is { Count: > 0 } narrower)
        {
            var most = TlpLabel.MostRestrictive(narrower.Select(n => n.Tlp));
            var named = string.Join(", ", narrower.Take(Named).Select(n => $"{n.StixId} ({n.Tlp})")) + (narrower.Count > Named ? $" and {narrower.Count - Named} more" : "");
            return Problems.Conflict("urn:vigil:problem:tlp-would-widen", "The label would widen the audience",
                $"{narrower.Count} indicators are shared under labels more restrictive than TLP:{tlp}; the collection cannot be shared more widely than they are. "
                + "Release them (on the record) or take them out first.",
                [new FieldError("/tlp", $"must be {most} or more restrictive: held back by {named}")]);
        }
        var before = collection.Tlp;
        collection.Name = fields.Name ?? collection.Name;
        collection.Description = fields.HasDescription ? fields.Description : collection.Description;
        collection.Tlp = fields.Tlp ?? collection.Tlp;
        collection.MalwareNames = fields.Malware ?? collection.MalwareNames;
        collection.IncidentIds = fields.IncidentIds ?? collection.IncidentIds;
        collection.UpdatedAt = clock.GetUtcNow();
        var details = new JsonObject { ["fields"] = new JsonArray([.. fields.Given().Select(f => (JsonNode)f)]) };
        if (before != collection.Tlp) { details["tlp"] = new JsonObject { ["from"] = before, ["to"] = collection.Tlp }; }
        await events.RecordAsync(CollectionEvents.Updated, id, details, user, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var count = await db.CollectionIndicators.CountAsync(i => i.CollectionId == id, cancellationToken);
        return TypedResults.Ok(CollectionResponse.From(collection, count));
    }

    /// <summary>
    /// The collection's indicators whose label is narrower than <paramref name="tlp"/>, read past the filter: the
    /// analyst relabelling may not read every one (RED ones are for the people named), and each still counts.
    /// </summary>
    private static async Task<List<(string StixId, string Tlp)>> NarrowerIndicatorsAsync(VigilDbContext db, string id, string tlp, CancellationToken cancellationToken)
    {
        string[] narrower = [.. TlpLabel.All.Where(label => TlpLabel.WouldWiden(label, tlp))];
        var rows = await db.CollectionIndicators.IgnoreQueryFilters([AudienceFilters.Name])
            .Where(i => i.CollectionId == id && narrower.Contains(i.Tlp)).OrderBy(i => i.Id)
            .Select(i => new { i.StixId, i.Tlp }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.StixId, r.Tlp))];
    }
}
