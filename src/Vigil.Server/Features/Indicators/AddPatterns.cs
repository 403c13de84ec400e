using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Validation;
using Vigil.Indicators.Patterns;
using Vigil.Indicators.Stix;
using Vigil.Server.Features.Events;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.Indicators;

/// <summary>
/// POST /api/v1/indicator-collections/{id}/indicators: an analyst adds STIX patterns by hand. Each is marked with the
/// collection's label as it stands when added.
/// </summary>
public static class AddPatterns
{
    public const int MaxPatternLength = 2_000;

    /// <summary>The body, for the API description; the server reads it strictly itself.</summary>
    public sealed record Request(IReadOnlyList<IndicatorRequest> Indicators);

    public sealed record IndicatorRequest(string Pattern, string? Name, string? Description);

    public static async Task<Results<Ok<IndicatorsAdded>, ProblemHttpResult>> Handle(
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
            return await AddAsync(id, document!.RootElement, user, db, events, writes, clock, cancellationToken);
        }
    }

    /// <summary>Reads the body strictly (every pattern parsed) and adds the patterns, on the record: the API's handler and the analysts' page.</summary>
    public static async Task<Results<Ok<IndicatorsAdded>, ProblemHttpResult>> AddAsync(
        string id, JsonElement body, ClaimsPrincipal user, VigilDbContext db, EventRecorder events, WriteTransactions writes, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var given = new List<IndicatorRequest>();
        var reader = new JsonFieldReader(clock.GetUtcNow());
        reader.Object(body, JsonPointer.Root, new Dictionary<string, Action<JsonElement, string>>
        {
            ["indicators"] = (v, p) => reader.Array(v, p, 1_000, (item, at) =>
            {
                string? pattern = null, name = null, description = null;
                reader.Object(item, at, new Dictionary<string, Action<JsonElement, string>>
                {
                    ["pattern"] = (pv, pp) => pattern = Pattern(reader, pv, pp),
                    ["name"] = (nv, np) => name = reader.String(nv, np, 300),
                    ["description"] = (dv, dp) => description = reader.String(dv, dp, 4_000, multiline: true),
                }, "pattern");
                if (pattern is not null) { given.Add(new IndicatorRequest(pattern, name, description)); }
            }),
        }, "indicators");
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
        var now = clock.GetUtcNow();
        var candidates = given.Select(g => new CollectionIndicator
        {
            CollectionId = id, StixId = StixBundle.NewId("indicator"), Pattern = g.Pattern, Name = g.Name, Description = g.Description,
            ValidFrom = now, CreatedAt = now, Marking = collection.Tlp, Tlp = collection.Tlp,
        });
        var (added, present) = await CollectionIndicatorWriter.AddAsync(db, collection, candidates, clock, cancellationToken);
        await events.RecordAsync(CollectionEvents.IndicatorsAdded, id, new JsonObject
        {
            ["source"] = "patterns", ["tlp"] = collection.Tlp, ["added"] = added, ["already_present"] = present,
        }, user, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var count = await db.CollectionIndicators.CountAsync(i => i.CollectionId == id, cancellationToken);
        return TypedResults.Ok(new IndicatorsAdded(CollectionResponse.From(collection, count), added, present));
    }

    /// <summary>A STIX pattern that parses, or an error naming where it stops.</summary>
    public static string? Pattern(JsonFieldReader reader, JsonElement value, string pointer)
    {
        var text = reader.String(value, pointer, MaxPatternLength);
        if (text is not null && !PatternParser.TryParse(text, out _, out var error))
        {
            reader.Fail(pointer, $"is not a STIX pattern: {error!.Message}");
            return null;
        }
        return text;
    }
}
