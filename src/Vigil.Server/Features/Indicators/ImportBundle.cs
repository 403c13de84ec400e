using System.Security.Claims;
using System.Text.Json;
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
        return await ImportAsync(id, bundle!, lower, reason, user, db, events, writes, clock, cancellationToken);
    }

    /// <summary>
    /// Imports a bundle that was read (<see cref="Read"/>) into the collection, on the record: the API's handler and the
    /// confirmation of the analysts' preview, which shows <see cref="BundlePlan"/> first.
    /// </summary>
    public static async Task<Results<Ok<IndicatorsAdded>, ProblemHttpResult>> ImportAsync(
        string id, StixBundle bundle, bool lower, string? reason, ClaimsPrincipal user,
        VigilDbContext db, EventRecorder events, WriteTransactions writes, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var transaction = await CollectionTransaction.BeginAsync(db, writes, cancellationToken);
        var collection = await CollectionRows.CollectionAsync(db, id, cancellationToken);
        if (collection is null)
        {
            return Problems.NotFound("indicator collection " + id);
        }
        var plan = BundlePlan.For(bundle, collection, clock.GetUtcNow());
        if (plan.Narrower.Count > 0 && !lower)
        {
            return Problems.Conflict("urn:vigil:problem:tlp-would-widen", "The label would widen the audience",
                $"Objects are marked more restrictively than the collection's TLP:{collection.Tlp}. Import them into a collection labelled as "
                + "they are, or lower them on purpose with lower_markings=true and a reason.",
                plan.Narrower.Select(k => new FieldError(k.Pointer, $"is marked TLP:{k.Marking}, more restrictive than the collection's TLP:{collection.Tlp}")));
        }
        var malware = plan.Malware;
        if (malware.Count > 0) { collection.MalwareNames = [.. collection.MalwareNames, .. malware]; }
        var (added, present) = await CollectionIndicatorWriter.AddAsync(db, collection, plan.Candidates, clock, cancellationToken);
        await events.RecordAsync(CollectionEvents.BundleImported, id, new JsonObject
        {
            ["bundle_id"] = bundle.Id, ["indicators"] = plan.Candidates.Count, ["added"] = added, ["already_present"] = present, ["malware_added"] = malware.Count,
        }, user, cancellationToken);
        if (plan.Narrower.Count > 0)
        {
            await events.RecordAsync(CollectionEvents.MarkingsLowered, id, new JsonObject
            {
                ["bundle_id"] = bundle.Id, ["lowered_to"] = collection.Tlp, ["reason"] = reason!.Trim(),
                ["objects"] = new JsonArray([.. plan.Narrower.Select(k => (JsonNode)new JsonObject { ["id"] = k.Object.Id, ["marking"] = k.Marking })]),
            }, user, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        var count = await db.CollectionIndicators.CountAsync(i => i.CollectionId == id, cancellationToken);
        return TypedResults.Ok(new IndicatorsAdded(CollectionResponse.From(collection, count), added, present));
    }

    /// <summary>What is wrong with the <c>lower_markings</c> and <c>reason</c> parameters, by name.</summary>
    public static List<(string Parameter, string Detail)> Lowering(string? lowerMarkings, string? reason)
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
            return Read(document!.RootElement);
        }
    }

    /// <summary>Reads a bundle as the import takes it: its bytes strictly as JSON, then every check, every problem named.</summary>
    public static (StixBundle?, ProblemHttpResult?) Read(byte[] bytes)
    {
        if (bytes.Length > MaxBundleBytes)
        {
            return (null, Problems.BodyTooLarge(MaxBundleBytes));
        }
        var (document, problem) = JsonBody.Parse(bytes);
        if (problem is not null)
        {
            return (null, problem);
        }
        using (document)
        {
            return Read(document!.RootElement);
        }
    }

    private static (StixBundle?, ProblemHttpResult?) Read(JsonElement root)
    {
        var errors = BundleChecks.Check(root);
        if (errors.Count > 0)
        {
            return (null, Problems.InvalidFields(errors, title: "The STIX bundle is invalid"));
        }
        try
        {
            return (StixBundleReader.Read(root), null);
        }
        catch (StixFormatException e)
        {
            return (null, Problems.InvalidFields([new FieldError("", e.Message)], title: "The STIX bundle is invalid"));
        }
    }
}
