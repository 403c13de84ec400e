using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Validation;
using Vigil.Server.Features.Events;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Indicators;

/// <summary>POST /api/v1/indicator-collections: an analyst opens a collection.</summary>
public static class CreateCollection
{
    /// <summary>The body, for the API description; the server reads it strictly itself.</summary>
    public sealed record Request(string Name, string Tlp, string? Description, IReadOnlyList<string>? Malware, IReadOnlyList<string>? IncidentIds);

    public static async Task<Results<Created<CollectionResponse>, ProblemHttpResult>> Handle(
        HttpRequest request, ClaimsPrincipal user, VigilDbContext db, EventRecorder events, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            return await CreateAsync(document!.RootElement, user, db, events, clock, cancellationToken);
        }
    }

    /// <summary>Reads the body strictly and opens the collection, on the record: the API's handler and the analysts' page.</summary>
    public static async Task<Results<Created<CollectionResponse>, ProblemHttpResult>> CreateAsync(
        JsonElement body, ClaimsPrincipal user, VigilDbContext db, EventRecorder events, TimeProvider clock, CancellationToken cancellationToken)
    {
        var reader = new JsonFieldReader(clock.GetUtcNow());
        var fields = await CollectionFields.ReadAsync(reader, body, db, null, cancellationToken, "name", "tlp");
        if (reader.Errors.Count > 0)
        {
            return Problems.InvalidFields(reader.Errors);
        }
        var now = clock.GetUtcNow();
        var collection = new IndicatorCollection
        {
            Id = Guid.CreateVersion7(now).ToString(),
            Name = fields.Name!,
            Description = fields.Description,
            Tlp = fields.Tlp!,
            MalwareNames = fields.Malware ?? [],
            IncidentIds = fields.IncidentIds ?? [],
            CreatedBy = user.UserId(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.IndicatorCollections.Add(collection);
        AccessGrants.NameAuthor(db, AudienceFilters.Collection, collection.Id, collection.CreatedBy, now);
        await Notifications.Subscriptions.CollectionNotifications.AddAsync(db, collection, created: true, 0, now, cancellationToken);
        await events.RecordAsync(CollectionEvents.Created, collection.Id, new JsonObject
        {
            ["tlp"] = collection.Tlp, ["malware"] = collection.MalwareNames.Count, ["incident_ids"] = new JsonArray([.. collection.IncidentIds.Select(i => (JsonNode)i)]),
        }, user, cancellationToken);
        return TypedResults.Created($"/api/v1/indicator-collections/{collection.Id}", CollectionResponse.From(collection, 0));
    }
}
