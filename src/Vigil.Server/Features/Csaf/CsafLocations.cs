using Microsoft.Extensions.Options;
using Vigil.Csaf.Distribution;
using Vigil.Domain.Sharing;

namespace Vigil.Server.Features.Csaf;

/// <summary>
/// Where each CSAF document lives: one directory per TLP label under /.well-known/csaf/, one folder per year of the
/// initial release, and a file name made from the tracking id as CSAF section 5.1 says.
/// </summary>
public sealed class CsafLocations(IOptions<CsafOptions> options)
{
    public const string Root = "/.well-known/csaf";

    public static readonly IReadOnlyList<string> Directories = ["white", "green", "amber", "red"];

    public string BaseUrl { get; } = options.Value.BaseUrl.TrimEnd('/');

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

    public static string DirectoryOf(string tlp) => CsafTlp(tlp).ToLowerInvariant();

    /// <summary>CSAF 5.1 (<see cref="CsafFileName"/>): the tracking id in lower case, each run of characters other than + - a-z 0-9 one _, then .json.</summary>
    public static string FileName(string trackingId) => CsafFileName.Of(trackingId);

    public static string DirectoryPath(string directory) => $"{Root}/{directory}";

    /// <summary>The document's path relative to its TLP directory, as index.txt and changes.csv list it.</summary>
    public static string RelativePath(string trackingId, DateTimeOffset initialRelease) =>
        FormattableString.Invariant($"{initialRelease.UtcDateTime.Year}/{FileName(trackingId)}");

    public static string DocumentPath(string tlp, string trackingId, DateTimeOffset initialRelease) =>
        $"{DirectoryPath(DirectoryOf(tlp))}/{RelativePath(trackingId, initialRelease)}";

    public string Absolute(string path) => BaseUrl + path;
}
