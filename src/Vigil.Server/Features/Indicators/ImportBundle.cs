using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Sharing;
using Vigil.Domain.Validation;
using Vigil.Indicators.Stix;
using Vigil.Server.Features.Events;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.Indicators;

/// <summary>
/// POST /api/v1/indicator-collections/{id}/bundles: an analyst imports a STIX 2.1 bundle (at most 16 MiB). Its
/// indicators join the collection under their own ids and their own TLP markings; the names of its malware join the
/// collection's malware. An object marked more restrictively than the collection is refused, unless the analyst
/// lowers it on purpose (<c>lower_markings=true&amp;reason=...</c>), which goes on the record. A bundle with any
/// problem is refused whole, with every problem named. Importing the same bundle again adds nothing, so the endpoint
/// needs no Idempotency-Key (whose stored bodies are limited to ordinary request sizes).
/// </summary>
public static class ImportBundle
{
    /// <summary>Public sets are larger than ordinary requests: the Pegasus set alone is 1.1 MB.</summary>
    public const int MaxBundleBytes = 16 * 1024 * 1024;

    public const int MaxReasonLength = 2_000;

    public static async Task<Results<Ok<IndicatorsAdded>, ProblemHttpResult>> Handle(
        string id, HttpRequest request, ClaimsPrincipal user,
        [FromQuery(Name = "lower_markings")] string? lowerMarkings, [FromQuery(Name = "reason")] string? reason,
        VigilDbContext db, EventRecorder events, WriteTransactions writes, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await db.IndicatorCollections.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return Problems.NotFound("indicator collection " + id);
        }
        if (Lowering(lowerMarkings, reason) is { Count: > 0 } badParameters)
        {
            return Problems.InvalidParameters(badParameters);
        }
        var lower = lowerMarkings == "true";
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBundleBytes + 1;
        }
        var (bundle, problem) = await ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var kept = BundleMarkings.OfKept(bundle!);

        await using var transaction = await CollectionTransaction.BeginAsync(db, writes, cancellationToken);
        var collection = await CollectionRows.CollectionAsync(db, id, cancellationToken);
        if (collection is null)
        {
            return Problems.NotFound("indicator collection " + id);
        }
        var narrower = kept.Where(k => k.Marking is { } marking && TlpLabel.WouldWiden(marking, collection.Tlp)).ToList();
        if (narrower.Count > 0 && !lower)
        {
            return Problems.Conflict("urn:vigil:problem:tlp-would-widen", "The label would widen the audience",
                $"Objects are marked more restrictively than the collection's TLP:{collection.Tlp}. Import them into a collection labelled as "
                + "they are, or lower them on purpose with lower_markings=true and a reason.",
                narrower.Select(k => new FieldError(k.Pointer, $"is marked TLP:{k.Marking}, more restrictive than the collection's TLP:{collection.Tlp}")));
        }
        var now = clock.GetUtcNow();
        // Unmarked objects take the collection's label: the analyst chose it for what the bundle brings.
        var candidates = kept.Where(k => k.Object is StixIndicator).Select(k =>
        {
            var i = (StixIndicator)k.Object;
            var marking = narrower.Contains(k) ? collection.Tlp : k.Marking ?? collection.Tlp;
            return new CollectionIndicator
            {
                CollectionId = id, StixId = i.Id, Pattern = i.Pattern, Name = i.Name, Description = i.Description,
                ValidFrom = i.ValidFrom, CreatedAt = now, Marking = marking, Tlp = DerivedLabel.Effective(marking, null, null),
            };
        }).ToList();
        var malware = kept.Select(k => k.Object).OfType<StixMalware>().Select(m => m.Name!).Where(n => !collection.MalwareNames.Contains(n)).Distinct().ToList();
        if (malware.Count > 0) { collection.MalwareNames = [.. collection.MalwareNames, .. malware]; }
        var (added, present) = await CollectionIndicatorWriter.AddAsync(db, collection, candidates, clock, cancellationToken);
        await events.RecordAsync(CollectionEvents.BundleImported, id, new JsonObject
        {
            ["bundle_id"] = bundle!.Id, ["indicators"] = candidates.Count, ["added"] = added, ["already_present"] = present, ["malware_added"] = malware.Count,
        }, user, cancellationToken);
        if (narrower.Count > 0)
        {
            await events.RecordAsync(CollectionEvents.MarkingsLowered, id, new JsonObject
            {
                ["bundle_id"] = bundle.Id, ["lowered_to"] = collection.Tlp, ["reason"] = reason!.Trim(),
                ["objects"] = new JsonArray([.. narrower.Select(k => (JsonNode)new JsonObject { ["id"] = k.Object.Id, ["marking"] = k.Marking })]),
            }, user, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        var count = await db.CollectionIndicators.CountAsync(i => i.CollectionId == id, cancellationToken);
        return TypedResults.Ok(new IndicatorsAdded(CollectionResponse.From(collection, count), added, present));
    }

    private static List<(string, string)> Lowering(string? lowerMarkings, string? reason)
    {
        if (lowerMarkings is not (null or "true" or "false"))
        {
            return [("lower_markings", "must be true or false")];
        }
        if (lowerMarkings == "true" && string.IsNullOrWhiteSpace(reason))
        {
            return [("reason", "is required when lower_markings is true: say why the objects may be shared more widely than they are marked")];
        }
        return reason switch
        {
            { Length: > MaxReasonLength } => [("reason", $"must be at most {MaxReasonLength} characters")],
            not null when reason.Any(char.IsControl) => [("reason", "must be one line without control characters")],
            _ => [],
        };
    }

    private static async Task<(StixBundle?, ProblemHttpResult?)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonBody.ReadAsync(request, MaxBundleBytes, cancellationToken);
        if (problem is not null)
        {
            return (null, problem);
        }
        using (document)
        {
            var errors = BundleChecks.Check(document!.RootElement);
            if (errors.Count > 0)
            {
                return (null, Problems.InvalidFields(errors, title: "The STIX bundle is invalid"));
            }
            try
            {
                return (StixBundleReader.Read(document.RootElement), null);
            }
            catch (StixFormatException e)
            {
                return (null, Problems.InvalidFields([new FieldError("", e.Message)], title: "The STIX bundle is invalid"));
            }
        }
    }
}
