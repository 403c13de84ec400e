using Vigil.Server.Features.Csaf;
using Vigil.Csaf.Writing;

namespace Vigil.Server.Features.Aggregation;

/// <summary>
/// Where Vigil's mirror of one followed provider lives: a folder beside aggregator.json (CSAF requirement 23) holding
/// the mirror's provider-metadata.json, the provider's keys under openpgp/, and one directory, white/, laid out as a
/// provider's (index.txt, changes.csv, a ROLIE feed, and year/file.json with .sha256, .sha512 and .asc).
/// </summary>
public static class MirrorLocations
{
    public const string Root = "/.well-known/csaf-aggregator";

    /// <summary>The only directory a mirror has: documents labelled TLP:WHITE (CLEAR) are the only ones mirrored.</summary>
    public const string Directory = "white";

    public static string MetadataPath(string folder) => $"{Root}/{folder}/provider-metadata.json";

    public static string KeyPath(string folder, string fingerprint) => $"{Root}/{folder}/openpgp/{fingerprint}.asc";

    public static string DirectoryPath(string folder) => $"{Root}/{folder}/{Directory}";

    public static string FeedPath(string folder) => $"{DirectoryPath(folder)}/{CsafRolieFeed.FileName(Directory)}";

    /// <summary>A document's path; <paramref name="directoryPath"/> is relative to the directory (<c>2024/x.json</c>).</summary>
    public static string DocumentPath(string folder, string directoryPath) => $"{DirectoryPath(folder)}/{directoryPath}";
}
