using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Sharing;
using Vigil.Server.Features.Csaf;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;
using Vigil.Csaf.Writing;

namespace Vigil.Server.Features.Aggregation;

/// <summary>
/// /.well-known/csaf-aggregator/aggregator.json (CSAF 2.0 requirement 21, section 7.1.21): the providers Vigil follows. Each entry names
/// the provider's own provider-metadata.json and, when the provider allows mirroring (mirror_on_CSAF_aggregators),
/// the provider-metadata.json of Vigil's mirror of it in <c>mirrors</c>. A provider is listed once a run has read its
/// metadata, and only when that metadata agrees (list_on_CSAF_aggregators); its mirror only once the mirror holds a
/// document. Vigil is an <c>aggregator</c> when it mirrors at least one listed provider, and a <c>lister</c> while it mirrors none.
/// </summary>
public static class AggregatorMetadata
{
    public const string Path = MirrorLocations.Root + "/aggregator.json";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(Path, HandleAsync).WithTags("CSAF").RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Costly).WithName("CsafAggregatorMetadata")
            .WithSummary("The CSAF providers Vigil follows, with Vigil's mirror of each that allows it");

    private static async Task<IResult> HandleAsync(
        VigilDbContext db, MirrorDocuments mirror, CsafLocations locations, IOptions<CsafOptions> options, CancellationToken cancellationToken)
    {
        var listed = await db.FollowedProviders.AsNoTracking()
            .Where(p => p.PublisherName != null && p.ListOnAggregators).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        if (listed.Count == 0)
        {
            // The schema asks for at least one provider: until then there is no list to serve.
            return Problems.NotFound("list of CSAF providers (Vigil lists none yet)");
        }
        // A mirror is named only once it holds a document: an empty one (every document refused, perhaps no key
        // read) would send a client to a copy of nothing.
        // Only providers with a signed CLEAR row can; a row every caller may read, so the audience filter changes nothing.
        var mirrored = listed.Where(p => p.MirrorOnAggregators && p.MirrorFolder is not null).Select(p => p.Id).ToList();
        var withClear = await db.ImportedAdvisories.AsNoTracking()
            .Where(a => a.ProviderId != null && mirrored.Contains(a.ProviderId.Value) && a.Tlp == TlpLabel.Clear && a.Signature != null && a.DirectoryPath != null)
            .Select(a => a.ProviderId!.Value).Distinct().ToListAsync(cancellationToken);
        var holding = new HashSet<long>();
        foreach (var p in listed.Where(p => withClear.Contains(p.Id)))
        {
            if ((await mirror.ServedAsync(p.Id, cancellationToken)).Count > 0)
            {
                holding.Add(p.Id);
            }
        }
        bool IsMirrored(FollowedProvider p) => holding.Contains(p.Id);
        var aggregator = new JsonObject
        {
            ["aggregator"] = new JsonObject
            {
                ["category"] = listed.Any(IsMirrored) ? "aggregator" : "lister",
                ["contact_details"] = $"mailto:{options.Value.ContactEmail}",
                ["name"] = options.Value.PublisherName,
                ["namespace"] = options.Value.Namespace,
            },
            ["aggregator_version"] = "2.0",
            ["canonical_url"] = locations.Absolute(Path),
            ["csaf_providers"] = new JsonArray([.. listed.Select(p => (JsonNode)Entry(p, IsMirrored(p), locations))]),
            ["last_updated"] = CsafDocumentBuilder.CsafTime(listed.Max(p => p.ListedAt!.Value)),
        };
        return TypedResults.Text(aggregator.ToJsonString(), "application/json", Encoding.UTF8);
    }

    private static JsonObject Entry(FollowedProvider p, bool mirrored, CsafLocations locations)
    {
        var metadata = new JsonObject
        {
            ["last_updated"] = CsafDocumentBuilder.CsafTime(
                DateTimeOffset.TryParse(p.MetadataLastUpdated, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var updated) ? updated : p.ListedAt!.Value),
            ["publisher"] = new JsonObject { ["category"] = p.PublisherCategory, ["name"] = p.PublisherName, ["namespace"] = p.PublisherNamespace },
            ["url"] = p.MetadataUrl,
        };
        if (MirrorMetadata.IsKnownRole(p.Role))
        {
            metadata["role"] = p.Role;
        }
        var entry = new JsonObject { ["metadata"] = metadata };
        if (mirrored)
        {
            entry["mirrors"] = new JsonArray(locations.Absolute(MirrorLocations.MetadataPath(p.MirrorFolder!)));
        }
        return entry;
    }
}
