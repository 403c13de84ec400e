using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Vigil.Domain.Sharing;
using Vigil.Server.Features.Notes;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;
using Vigil.Csaf.Writing;

namespace Vigil.Server.Features.Csaf;

/// <summary>
/// Directory-based distribution (CSAF requirements 11 to 14, 18, 19): per TLP directory, one folder per year of
/// initial release holding each document with its .sha256, .sha512 and .asc; index.txt; changes.csv, newest first;
/// a listing (HTML) of the directory and of each year folder.
/// A directory nothing in which could be for the caller answers 404 (white is public; green needs a signed-in token;
/// amber and red need one that could be shared with or named); within it each document is the caller's by the
/// audience rule (amber: CERT staff and the organisations a note is shared with; red: the people named on it).
/// </summary>
public static class CsafDirectoryEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(CsafLocations.Root).WithTags("CSAF").RequireAuthorization(Policies.Public);
        group.MapGet("/{directory}/", Listing).RequireRateLimiting(RateLimits.Costly).WithName("CsafDirectoryListing").WithSummary("A TLP directory's listing (HTML): its year folders, feed, changes.csv and index.txt");
        group.MapGet("/{directory}/{year:int}/", YearListing).RequireRateLimiting(RateLimits.Costly).WithName("CsafYearListing").WithSummary("A year folder's listing (HTML): each document with its .asc, .sha256 and .sha512");
        group.MapGet("/{directory}/index.txt", Index).RequireRateLimiting(RateLimits.Costly).WithName("CsafIndex").WithSummary("Every document in a TLP directory, one path a line");
        group.MapGet("/{directory}/changes.csv", Changes).RequireRateLimiting(RateLimits.Costly).WithName("CsafChanges").WithSummary("Every document with its last change, newest first");
        group.MapGet("/{directory}/{year:int}/{file}", File).WithName("CsafDocument").WithSummary("A CSAF document, or its .sha256, .sha512 or .asc");
    }

    public static bool MayRead(ClaimsPrincipal user, string directory) =>
        CsafLocations.LabelsIn(directory) is { Count: > 0 } labels && labels.All(label => TlpAudience.MayEverRead(RequestAudience.ReaderOf(user), label));

    private static async Task<IResult> Listing(string directory, ClaimsPrincipal user, CsafDocuments documents, CancellationToken cancellationToken)
    {
        if (!MayRead(user, directory))
        {
            return TypedResults.NotFound();
        }
        var sources = await documents.PublishedAsync(CsafLocations.LabelsIn(directory), cancellationToken);
        var years = sources.Select(s => s.InitialRelease.UtcDateTime.Year).Distinct().Order().Select(y => FormattableString.Invariant($"{y}/"));
        return CsafDirectoryListing.Of(CsafLocations.DirectoryPath(directory) + "/", null, [.. years, CsafRolieFeed.FileName(directory), "changes.csv", "index.txt"]);
    }

    private static async Task<IResult> YearListing(string directory, int year, ClaimsPrincipal user, CsafDocuments documents, CancellationToken cancellationToken)
    {
        if (!MayRead(user, directory))
        {
            return TypedResults.NotFound();
        }
        // What the caller may read of the year, as index.txt lists it: possibly nothing, which says no more than an
        // empty index does (a 404 for a year whose documents the caller may not read would tell that they exist).
        var files = (await documents.PublishedAsync(CsafLocations.LabelsIn(directory), cancellationToken))
            .Where(s => s.InitialRelease.UtcDateTime.Year == year).Select(s => CsafLocations.FileName(s.NoteId)).Order(StringComparer.Ordinal);
        var path = CsafLocations.DirectoryPath(directory) + "/";
        return CsafDirectoryListing.Of(path + FormattableString.Invariant($"{year}/"), path, [.. files.SelectMany(CsafDirectoryListing.WithCompanions)]);
    }

    private static async Task<IResult> Index(string directory, ClaimsPrincipal user, CsafDocuments documents, CancellationToken cancellationToken)
    {
        if (!MayRead(user, directory))
        {
            return TypedResults.NotFound();
        }
        var sources = await documents.PublishedAsync(CsafLocations.LabelsIn(directory), cancellationToken);
        var text = string.Concat(sources.Select(s => CsafLocations.RelativePath(s.NoteId, s.InitialRelease) + "\n"));
        return TypedResults.Text(text, "text/plain", Encoding.UTF8);
    }

    private static async Task<IResult> Changes(string directory, ClaimsPrincipal user, CsafDocuments documents, CancellationToken cancellationToken)
    {
        if (!MayRead(user, directory))
        {
            return TypedResults.NotFound();
        }
        var sources = await documents.PublishedAsync(CsafLocations.LabelsIn(directory), cancellationToken);
        var lines = sources.OrderByDescending(s => s.CurrentRelease)
            .Select(s => $"\"{CsafLocations.RelativePath(s.NoteId, s.InitialRelease)}\",\"{CsafDocumentBuilder.CsafTime(s.CurrentRelease)}\"\n");
        return TypedResults.Text(string.Concat(lines), "text/csv", Encoding.UTF8);
    }

    private static async Task<IResult> File(
        string directory, int year, string file, ClaimsPrincipal user, CsafDocuments documents, CsafDocumentBuilder builder, CsafOpenPgpKey key,
        CancellationToken cancellationToken)
    {
        var name = file;
        var suffix = new[] { ".sha256", ".sha512", ".asc" }.FirstOrDefault(s => file.EndsWith(".json" + s, StringComparison.Ordinal)) ?? "";
        name = name[..^suffix.Length];
        if (!MayRead(user, directory) || !name.EndsWith(".json", StringComparison.Ordinal))
        {
            return TypedResults.NotFound();
        }
        var source = await documents.FindAsync(name[..^".json".Length].ToUpperInvariant(), cancellationToken);
        if (source is null || CsafLocations.DirectoryOf(source.Content.Tlp) != directory || source.InitialRelease.UtcDateTime.Year != year
            || CsafLocations.FileName(source.NoteId) != name)
        {
            return TypedResults.NotFound();
        }
        var bytes = builder.Serialize(source);
        return suffix switch
        {
            ".sha256" => TypedResults.Text($"{Convert.ToHexStringLower(SHA256.HashData(bytes))}  {name}\n", "text/plain", Encoding.UTF8),
            ".sha512" => TypedResults.Text($"{Convert.ToHexStringLower(SHA512.HashData(bytes))}  {name}\n", "text/plain", Encoding.UTF8),
            ".asc" => TypedResults.Bytes(key.Sign(bytes, source.CurrentRelease), "application/pgp-signature"),
            _ => TypedResults.Bytes(bytes, "application/json"),
        };
    }
}
