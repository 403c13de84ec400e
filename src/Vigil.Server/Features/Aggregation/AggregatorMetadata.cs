using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Server.Features.Csaf;
using Vigil.Server.Infrastructure.Http;

namespace Vigil.Server.Features.Aggregation;

/// <summary>
/// /.well-known/csaf-aggregator/aggregator.json (CSAF 2.0 section 7.1.8): Vigil as a <c>lister</c> of the providers it
/// follows. Vigil imports their documents for its analysts but does not serve copies of them (a mirror would be an
/// <c>aggregator</c>), so each entry names the provider's own provider-metadata.json and no mirror. A provider is
/// listed once a run has read its metadata, and only when that metadata agrees (list_on_CSAF_aggregators).
/// </summary>
public static class AggregatorMetadata
{
    public const string Path = "/.well-known/csaf-aggregator/aggregator.json";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(Path, HandleAsync).WithTags("CSAF").WithName("CsafAggregatorMetadata")
            .WithSummary("The CSAF providers Vigil follows, as a CSAF lister's aggregator.json");

    private static async Task<IResult> HandleAsync(VigilDbContext db, CsafLocations locations, IOptions<CsafOptions> options, CancellationToken cancellationToken)
    {
        var listed = await db.FollowedProviders.AsNoTracking()
            .Where(p => p.PublisherName != null && p.ListOnAggregators).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        if (listed.Count == 0)
        {
            // The schema asks for at least one provider: until then there is no list to serve.
            return Problems.NotFound("list of CSAF providers (Vigil lists none yet)");
        }
        var aggregator = new JsonObject
        {
            ["aggregator"] = new JsonObject
            {
                ["category"] = "lister",
                ["contact_details"] = $"mailto:{options.Value.ContactEmail}",
                ["name"] = options.Value.PublisherName,
                ["namespace"] = options.Value.Namespace,
            },
            ["aggregator_version"] = "2.0",
            ["canonical_url"] = locations.Absolute(Path),
            ["csaf_providers"] = new JsonArray([.. listed.Select(p => (JsonNode)Entry(p))]),
            ["last_updated"] = CsafDocumentBuilder.CsafTime(listed.Max(p => p.ListedAt!.Value)),
        };
        return TypedResults.Text(aggregator.ToJsonString(), "application/json", Encoding.UTF8);
    }

    private static JsonObject Entry(FollowedProvider p)
    {
        var metadata = new JsonObject
        {
            ["last_updated"] = CsafDocumentBuilder.CsafTime(
                DateTimeOffset.TryParse(p.MetadataLastUpdated, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var updated) ? updated : p.ListedAt!.Value),
            ["publisher"] = new JsonObject { ["category"] = p.PublisherCategory, ["name"] = p.PublisherName, ["namespace"] = p.PublisherNamespace },
            ["url"] = p.MetadataUrl,
        };
        if (p.Role is "csaf_publisher" or "csaf_provider" or "csaf_trusted_provider")
        {
            metadata["role"] = p.Role;
        }
        return new JsonObject { ["metadata"] = metadata };
    }
}
