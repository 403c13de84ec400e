using Vigil.Csaf.Distribution;
using Vigil.Domain.Sharing;

namespace Vigil.Csaf.Writing;

/// <summary>
/// Where each CSAF document lives: one directory per TLP label under /.well-known/csaf/, one folder per year of the
/// initial release, and a file name made from the tracking id as CSAF section 5.1 says.
/// </summary>
/// <param name="baseUrl">The public address documents are served at (scheme and host, no path).</param>
public sealed class CsafLocations(string baseUrl)
{
    /// <summary>Where a CSAF provider's files live on its host.</summary>
    public const string Root = "/.well-known/csaf";

    /// <summary>The TLP directories, in the order provider metadata lists them.</summary>
    public static readonly IReadOnlyList<string> Directories = ["white", "green", "amber", "red"];

    /// <summary>The public address, without a trailing slash.</summary>
    public string BaseUrl { get; } = baseUrl.TrimEnd('/');

    /// <summary>CSAF 2.0 speaks TLP 1.0: CLEAR is WHITE, and AMBER+STRICT is AMBER.</summary>
    public static string CsafTlp(string tlp) => tlp switch
    {
        TlpLabel.Clear => "WHITE",
        TlpLabel.AmberStrict => "AMBER",
        _ => tlp,
    };

    /// <summary>The TLP 2.0 labels each directory holds.</summary>
    public static IReadOnlyList<string> LabelsIn(string directory) => directory switch
    {
        "white" => [TlpLabel.Clear],
        "green" => [TlpLabel.Green],
        "amber" => [TlpLabel.Amber, TlpLabel.AmberStrict],
        "red" => [TlpLabel.Red],
        _ => [],
    };

    /// <summary>The directory a document labelled <paramref name="tlp"/> (TLP 2.0) belongs in.</summary>
    public static string DirectoryOf(string tlp) => CsafTlp(tlp).ToLowerInvariant();

    /// <summary>CSAF 5.1 (<see cref="CsafFileName"/>): the tracking id in lower case, each run of characters other than + - a-z 0-9 one _, then .json.</summary>
    public static string FileName(string trackingId) => CsafFileName.Of(trackingId);

    /// <summary>The path of a TLP directory.</summary>
    public static string DirectoryPath(string directory) => $"{Root}/{directory}";

    /// <summary>The document's path relative to its TLP directory, as index.txt and changes.csv list it.</summary>
    public static string RelativePath(string trackingId, DateTimeOffset initialRelease) =>
        FormattableString.Invariant($"{initialRelease.UtcDateTime.Year}/{FileName(trackingId)}");

    /// <summary>The path of a document on the host.</summary>
    public static string DocumentPath(string tlp, string trackingId, DateTimeOffset initialRelease) =>
        $"{DirectoryPath(DirectoryOf(tlp))}/{RelativePath(trackingId, initialRelease)}";

    /// <summary>A path on the host as an absolute URL.</summary>
    public string Absolute(string path) => BaseUrl + path;
}
