using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Data;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;
using Vigil.Csaf.Writing;

namespace Vigil.Server.Features.Csaf;

/// <summary>
/// What a CSAF client starts from: provider-metadata.json (role csaf_trusted_provider), security.txt pointing at
/// it, the public OpenPGP key, and one ROLIE feed per TLP directory.
/// </summary>
public static class CsafProviderEndpoints
{
    public const string MetadataPath = CsafLocations.Root + "/provider-metadata.json";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(MetadataPath, Metadata).WithTags("CSAF").RequireAuthorization(Policies.Public).WithName("CsafProviderMetadata").WithSummary("The CSAF provider metadata");
        app.MapGet(CsafLocations.Root + "/openpgp/{file}", PublicKey).WithTags("CSAF").RequireAuthorization(Policies.Public).WithName("CsafPublicKey").WithSummary("The key CSAF documents are signed with");
        app.MapGet(CsafLocations.Root + "/{directory}/csaf-feed-tlp-{label}.json", Feed).WithTags("CSAF").RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Costly).WithName("CsafRolieFeed").WithSummary("A TLP directory's ROLIE feed");
        app.MapGet("/.well-known/security.txt", SecurityTxt).WithTags("CSAF").RequireAuthorization(Policies.Public).WithName("SecurityTxt").WithSummary("RFC 9116 security.txt with its CSAF line");
    }

    public static string KeyPath(string fingerprint) => $"{CsafLocations.Root}/openpgp/{fingerprint}.asc";

    private static async Task<IResult> Metadata(
        VigilDbContext db, CsafLocations locations, CsafOpenPgpKey key, IOptions<CsafOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var latest = await db.NoteRevisions.AsNoTracking().MaxAsync(r => (DateTimeOffset?)r.ReceivedAt, cancellationToken);
        var distributions = new JsonArray([.. CsafLocations.Directories.Select(d => (JsonNode)new JsonObject
        {
            ["directory_url"] = locations.Absolute(CsafLocations.DirectoryPath(d) + "/"),
            ["rolie"] = new JsonObject
            {
                ["feeds"] = new JsonArray(new JsonObject
                {
                    ["summary"] = $"{options.Value.PublisherName} advisories labelled TLP:{d.ToUpperInvariant()}",
                    ["tlp_label"] = d.ToUpperInvariant(),
                    ["url"] = locations.Absolute(CsafRolieFeed.Path(d)),
                }),
            },
        })]);
        var metadata = new JsonObject
        {
            ["canonical_url"] = locations.Absolute(MetadataPath),
            ["distributions"] = distributions,
            ["last_updated"] = CsafDocumentBuilder.CsafTime(latest ?? clock.GetUtcNow()),
            ["list_on_CSAF_aggregators"] = true,
            ["metadata_version"] = "2.0",
            ["mirror_on_CSAF_aggregators"] = true,
            ["public_openpgp_keys"] = new JsonArray(new JsonObject { ["fingerprint"] = key.Fingerprint, ["url"] = locations.Absolute(KeyPath(key.Fingerprint)) }),
            ["publisher"] = new JsonObject
            {
                ["category"] = "coordinator",
                ["contact_details"] = $"mailto:{options.Value.ContactEmail}",
                ["name"] = options.Value.PublisherName,
                ["namespace"] = options.Value.Namespace,
            },
            ["role"] = "csaf_trusted_provider",
        };
        return TypedResults.Text(metadata.ToJsonString(), "application/json", Encoding.UTF8);
    }

    private static IResult PublicKey(string file, CsafOpenPgpKey key) =>
        file == key.Fingerprint + ".asc" ? TypedResults.Bytes(key.ArmoredPublicKey(), "application/pgp-keys") : TypedResults.NotFound();

    private static async Task<IResult> Feed(
        string directory, string label, ClaimsPrincipal user, CsafDocuments documents, CsafLocations locations, IOptions<CsafOptions> options,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (label != directory || !CsafDirectoryEndpoints.MayRead(user, directory))
        {
            return TypedResults.NotFound();
        }
        var sources = await documents.PublishedAsync(CsafLocations.LabelsIn(directory), cancellationToken);
        return TypedResults.Text(CsafRolieFeed.Build(directory, sources, locations, options.Value.Publisher, clock.GetUtcNow()).ToJsonString(), "application/json", Encoding.UTF8);
    }

    private static IResult SecurityTxt(CsafLocations locations, IOptions<CsafOptions> options, TimeProvider clock)
    {
        var expires = clock.GetUtcNow().AddDays(180).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var text = $"""
            Contact: mailto:{options.Value.ContactEmail}
            Expires: {expires}
            Preferred-Languages: en
            Canonical: {locations.Absolute("/.well-known/security.txt")}
            CSAF: {locations.Absolute(MetadataPath)}

            """;
        return TypedResults.Text(text.ReplaceLineEndings("\n"), "text/plain", Encoding.UTF8);
    }
}
