using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Validation;
using Vigil.Indicators.Patterns;
using Vigil.Indicators.Stix;
using Vigil.Server.Infrastructure.Http;

namespace Vigil.Server.Features.Indicators;

/// <summary>POST /api/v1/indicator-collections/{id}/indicators: an analyst adds STIX patterns by hand.</summary>
public static class AddPatterns
{
    public const int MaxPatternLength = 2_000;

    /// <summary>The body, for the API description; the server reads it strictly itself.</summary>
    public sealed record Request(IReadOnlyList<IndicatorRequest> Indicators);

    public sealed record IndicatorRequest(string Pattern, string? Name, string? Description);

    public static async Task<Results<Ok<IndicatorsAdded>, ProblemHttpResult>> Handle(
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
            var now = clock.GetUtcNow();
            var reader = new JsonFieldReader(now);
            var candidates = new List<CollectionIndicator>();
            reader.Object(document!.RootElement, JsonPointer.Root, new Dictionary<string, Action<JsonElement, string>>
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
                    if (pattern is not null)
                    {
                        candidates.Add(new CollectionIndicator
                        {
                            CollectionId = id, StixId = StixBundle.NewId("indicator"), Pattern = pattern, Name = name, Description = description,
                            ValidFrom = now, CreatedAt = now, Marking = collection.Tlp, Tlp = collection.Tlp,
                        });
                    }
                }),
            }, "indicators");
            if (reader.Errors.Count > 0)
            {
                return Problems.InvalidFields(reader.Errors);
            }
            var (added, present) = await CollectionIndicatorWriter.AddAsync(db, collection, candidates, clock, cancellationToken);
            var count = await db.CollectionIndicators.CountAsync(i => i.CollectionId == id, cancellationToken);
            return TypedResults.Ok(new IndicatorsAdded(CollectionResponse.From(collection, count), added, present));
        }
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
