using System.Security.Cryptography;
using System.Text;
using Vigil.Server.Features.Csaf;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;
using Vigil.Csaf.Writing;

namespace Vigil.Server.Features.Aggregation;

/// <summary>
/// /.well-known/csaf-aggregator/{folder}/: Vigil's public mirror of a followed provider (CSAF requirement 23). The
/// documents are served byte for byte as fetched, with hashes computed from those bytes and the provider's own
/// signature as fetched; only TLP:CLEAR (WHITE) documents are on a mirror (see <see cref="MirrorDocuments"/>).
/// </summary>
public static class MirrorEndpoints
{
    private static readonly string[] Companions = [".sha256", ".sha512", ".asc"];

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(MirrorLocations.Root + "/{folder}").WithTags("CSAF").RequireAuthorization(Policies.Public);
        group.MapGet("/provider-metadata.json", MetadataAsync).RequireRateLimiting(RateLimits.Costly).WithName("CsafMirrorMetadata").WithSummary("The provider-metadata.json of Vigil's mirror of a provider");
        group.MapGet("/openpgp/{file}", KeyAsync).WithName("CsafMirrorKey").WithSummary("A mirrored provider's public OpenPGP key, as fetched from it");
        group.MapGet($"/{MirrorLocations.Directory}/", ListingAsync).RequireRateLimiting(RateLimits.Costly).WithName("CsafMirrorListing").WithSummary("The mirror directory's listing (HTML)");
        group.MapGet($"/{MirrorLocations.Directory}/{{year:int}}/", YearListingAsync).RequireRateLimiting(RateLimits.Costly).WithName("CsafMirrorYearListing").WithSummary("A mirror year folder's listing (HTML)");
        group.MapGet($"/{MirrorLocations.Directory}/index.txt", IndexAsync).RequireRateLimiting(RateLimits.Costly).WithName("CsafMirrorIndex").WithSummary("Every mirrored document, one path a line");
        group.MapGet($"/{MirrorLocations.Directory}/changes.csv", ChangesAsync).RequireRateLimiting(RateLimits.Costly).WithName("CsafMirrorChanges").WithSummary("Every mirrored document with its last change, newest first");
        group.MapGet($"/{MirrorLocations.Directory}/{CsafRolieFeed.FileName(MirrorLocations.Directory)}", FeedAsync).RequireRateLimiting(RateLimits.Costly).WithName("CsafMirrorFeed").WithSummary("The mirror's ROLIE feed");
        group.MapGet($"/{MirrorLocations.Directory}/{{year:int}}/{{file}}", DocumentAsync).WithName("CsafMirrorDocument")
            .WithSummary("A mirrored document as fetched, its .sha256 or .sha512, or the provider's .asc as fetched");
    }

    private static async Task<IResult> MetadataAsync(string folder, MirrorDocuments mirror, CsafLocations locations, CancellationToken cancellationToken)
    {
        if (await mirror.ProviderAsync(folder, cancellationToken) is not { } provider)
        {
            return NoMirror(folder);
        }
        var keys = await mirror.KeysAsync(provider.Id, cancellationToken);
        var served = await mirror.ServedAsync(provider.Id, cancellationToken);
        return Json(MirrorMetadata.ProviderMetadata(provider, keys, served, locations).ToJsonString());
    }

    private static async Task<IResult> KeyAsync(string folder, string file, MirrorDocuments mirror, CancellationToken cancellationToken)
    {
        if (await mirror.ProviderAsync(folder, cancellationToken) is not { } provider)
        {
            return NoMirror(folder);
        }
        var key = (await mirror.KeysAsync(provider.Id, cancellationToken)).FirstOrDefault(k => k.Fingerprint + ".asc" == file);
        return key is null ? Problems.NotFound($"key {file} on this mirror") : TypedResults.Bytes(key.Content, "application/pgp-keys");
    }

    private static async Task<IResult> ListingAsync(string folder, MirrorDocuments mirror, CancellationToken cancellationToken)
    {
        if (await mirror.ProviderAsync(folder, cancellationToken) is not { } provider)
        {
            return NoMirror(folder);
        }
        var years = (await mirror.ServedAsync(provider.Id, cancellationToken)).Select(d => d.Path.Split('/')[0] + "/").Distinct().Order(StringComparer.Ordinal);
        return CsafDirectoryListing.Of(MirrorLocations.DirectoryPath(folder) + "/", null,
            [.. years, CsafRolieFeed.FileName(MirrorLocations.Directory), "changes.csv", "index.txt"]);
    }

    private static async Task<IResult> YearListingAsync(string folder, int year, MirrorDocuments mirror, CancellationToken cancellationToken)
    {
        if (await mirror.ProviderAsync(folder, cancellationToken) is not { } provider)
        {
            return NoMirror(folder);
        }
        var prefix = FormattableString.Invariant($"{year}/");
        var files = (await mirror.ServedAsync(provider.Id, cancellationToken))
            .Where(d => d.Path.StartsWith(prefix, StringComparison.Ordinal)).Select(d => d.Path[prefix.Length..]).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            return Problems.NotFound($"folder {prefix} on this mirror");
        }
        var directory = MirrorLocations.DirectoryPath(folder) + "/";
        return CsafDirectoryListing.Of(directory + prefix, directory, [.. files.SelectMany(CsafDirectoryListing.WithCompanions)]);
    }

    private static async Task<IResult> IndexAsync(string folder, MirrorDocuments mirror, CancellationToken cancellationToken)
    {
        if (await mirror.ProviderAsync(folder, cancellationToken) is not { } provider)
        {
            return NoMirror(folder);
        }
        var served = await mirror.ServedAsync(provider.Id, cancellationToken);
        return TypedResults.Text(string.Concat(served.Select(d => d.Path).Order(StringComparer.Ordinal).Select(p => p + "\n")), "text/plain", Encoding.UTF8);
    }

    private static async Task<IResult> ChangesAsync(string folder, MirrorDocuments mirror, CancellationToken cancellationToken)
    {
        if (await mirror.ProviderAsync(folder, cancellationToken) is not { } provider)
        {
            return NoMirror(folder);
        }
        return TypedResults.Text(MirrorMetadata.Changes(await mirror.ServedAsync(provider.Id, cancellationToken)), "text/csv", Encoding.UTF8);
    }

    private static async Task<IResult> FeedAsync(string folder, MirrorDocuments mirror, CsafLocations locations, CancellationToken cancellationToken)
    {
        if (await mirror.ProviderAsync(folder, cancellationToken) is not { } provider)
        {
            return NoMirror(folder);
        }
        return Json(MirrorMetadata.Feed(provider, await mirror.ServedAsync(provider.Id, cancellationToken), locations).ToJsonString());
    }

    private static async Task<IResult> DocumentAsync(string folder, int year, string file, MirrorDocuments mirror, CancellationToken cancellationToken)
    {
        if (await mirror.ProviderAsync(folder, cancellationToken) is not { } provider)
        {
            return NoMirror(folder);
        }
        var suffix = Companions.FirstOrDefault(s => file.EndsWith(".json" + s, StringComparison.Ordinal)) ?? "";
        var name = file[..^suffix.Length];
        var path = FormattableString.Invariant($"{year}/{name}");
        var found = name.EndsWith(".json", StringComparison.Ordinal) ? await mirror.FindAsync(provider.Id, path, cancellationToken) : null;
        if (found is not { } served)
        {
            return Problems.NotFound($"document {path} on this mirror");
        }
        var (bytes, signature) = served;
        return suffix switch
        {
            ".sha256" => TypedResults.Text($"{Convert.ToHexStringLower(SHA256.HashData(bytes))}  {name}\n", "text/plain", Encoding.UTF8),
            ".sha512" => TypedResults.Text($"{Convert.ToHexStringLower(SHA512.HashData(bytes))}  {name}\n", "text/plain", Encoding.UTF8),
            ".asc" => TypedResults.Bytes(signature, "application/pgp-signature"),
            _ => TypedResults.Bytes(bytes, "application/json"),
        };
    }

    private static IResult NoMirror(string folder) => Problems.NotFound($"mirror named '{folder}'");

    private static IResult Json(string json) => TypedResults.Text(json, "application/json", Encoding.UTF8);
}
