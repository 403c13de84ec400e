using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Sharing;
using Vigil.Domain.Validation;
using Vigil.Indicators.Stix;
using Vigil.Server.Features.Events;
using Vigil.Server.Features.Incidents;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.Indicators;

/// <summary>
/// POST /api/v1/indicator-collections/{id}/incident-indicators: an analyst feeds an incident's own indicators into a
/// collection. The collection must be labelled at least as restrictively as the incident, so that nothing a reporter
/// shared under AMBER or RED reaches a wider audience through a collection.
/// </summary>
public static class AddIncidentIndicators
{
    /// <summary>The body, for the API description; the server reads it strictly itself.</summary>
    public sealed record Request(string IncidentId);

    public static async Task<Results<Ok<IndicatorsAdded>, ProblemHttpResult>> Handle(
        string id, HttpRequest request, ClaimsPrincipal user, VigilDbContext db, EventRecorder events, WriteTransactions writes, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!await db.IndicatorCollections.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return Problems.NotFound("indicator collection " + id);
        }
        var (document, malformed) = await JsonBody.ReadAsync(request, cancellationToken);
        if (malformed is not null)
        {
            return malformed;
        }
        using (document)
        {
            return await AddAsync(id, document!.RootElement, user, db, events, writes, clock, cancellationToken);
        }
    }

    /// <summary>Reads the body strictly and adds the incident's indicators: the API's and the incident page's alike.</summary>
    public static async Task<Results<Ok<IndicatorsAdded>, ProblemHttpResult>> AddAsync(
        string id, JsonElement body, ClaimsPrincipal user, VigilDbContext db, EventRecorder events, WriteTransactions writes, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        string? incidentId = null;
        if (await StrictObject.ReadAsync(body, clock, r => new Dictionary<string, Action<JsonElement, string>>
        {
            ["incident_id"] = (v, p) => incidentId = r.String(v, p, 36),
        }, ["incident_id"]) is { } problem)
        {
            return problem;
        }
        await using var transaction = await CollectionTransaction.BeginAsync(db, writes, cancellationToken);
        var collection = await CollectionRows.CollectionAsync(db, id, cancellationToken);
        if (collection is null)
        {
            return Problems.NotFound("indicator collection " + id);
        }
        var incident = await CollectionRows.IncidentAsync(db, incidentId!, cancellationToken);
        if (incident is null)
        {
            return Problems.InvalidFields([new FieldError("/incident_id", $"there is no incident {incidentId}")]);
        }
        // The indicators are read under their own label where the report gives them one narrower than the incident's.
        var source = IndicatorSources.SourceLabel(incident);
        var audience = await IncidentAudience.ForAsync(db, incident, cancellationToken);
        if (!audience.MayRead(source))
        {
            return Problems.InvalidFields([new FieldError("/incident_id", $"the incident's indicators are labelled TLP:{source}, which you may not read")]);
        }
        if (TlpLabel.WouldWiden(source, collection.Tlp))
        {
            return Problems.Conflict("urn:vigil:problem:tlp-would-widen", "The label would widen the audience",
                $"The incident's indicators are labelled TLP:{source} and the collection TLP:{collection.Tlp}; relabel one of them first.",
                [new FieldError("/incident_id", $"is labelled {source}, more restrictive than the collection's {collection.Tlp}")]);
        }
        var now = clock.GetUtcNow();
        var candidates = IncidentIndicatorPatterns.InView(JsonNode.Parse(incident.View)!.AsObject())
            .Select(i => (i.Description, Pattern: IncidentIndicatorPatterns.For(i.Type, i.Value)))
            .Where(i => i.Pattern is not null)
            .Select(i => new CollectionIndicator
            {
                CollectionId = id, StixId = StixBundle.NewId("indicator"), Pattern = i.Pattern!, Description = i.Description,
                SourceIncidentId = incident.Id, ValidFrom = now, CreatedAt = now,
                Marking = collection.Tlp, SourceTlp = source, Tlp = DerivedLabel.Effective(collection.Tlp, source, null),
            }).ToList();
        if (!collection.IncidentIds.Contains(incident.Id)) { collection.IncidentIds = [.. collection.IncidentIds, incident.Id]; }
        var (added, present) = await CollectionIndicatorWriter.AddAsync(db, collection, candidates, clock, cancellationToken);
        await events.RecordAsync(CollectionEvents.IndicatorsAdded, id, new JsonObject
        {
            ["source"] = "incident", ["incident_id"] = incident.Id, ["tlp"] = collection.Tlp, ["source_tlp"] = source,
            ["added"] = added, ["already_present"] = present,
        }, user, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var count = await db.CollectionIndicators.CountAsync(i => i.CollectionId == id, cancellationToken);
        return TypedResults.Ok(new IndicatorsAdded(CollectionResponse.From(collection, count), added, present));
    }
}
