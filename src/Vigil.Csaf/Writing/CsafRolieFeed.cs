using System.Text.Json.Nodes;

namespace Vigil.Csaf.Writing;

/// <summary>
/// The ROLIE feed of one TLP directory (CSAF requirement 15, RFC 8322 in JSON): an entry per document linking the
/// document, its hashes and its signature.
/// </summary>
public static class CsafRolieFeed
{
    /// <summary>The feed's file name in its TLP directory.</summary>
    public static string FileName(string directory) => $"csaf-feed-tlp-{directory}.json";

    /// <summary>The feed's path on the host.</summary>
    public static string Path(string directory) => $"{CsafLocations.DirectoryPath(directory)}/{FileName(directory)}";

    /// <summary>The feed of <paramref name="directory"/> listing <paramref name="sources"/>, newest first.</summary>
    public static JsonObject Build(string directory, IReadOnlyList<CsafSource> sources, CsafLocations locations, CsafPublisher publisher, DateTimeOffset now)
    {
        var label = directory.ToUpperInvariant();
        var entries = new JsonArray();
        foreach (var source in sources.OrderByDescending(s => s.CurrentRelease))
        {
            var url = locations.Absolute(CsafLocations.DocumentPath(source.Content.Tlp, source.NoteId, source.InitialRelease));
            entries.Add(new JsonObject
            {
                ["id"] = source.NoteId,
                ["title"] = source.Content.Title,
                ["link"] = new JsonArray(Link("self", url), Link("hash", url + ".sha256"), Link("hash", url + ".sha512"), Link("signature", url + ".asc")),
                ["published"] = CsafDocumentBuilder.CsafTime(source.InitialRelease),
                ["updated"] = CsafDocumentBuilder.CsafTime(source.CurrentRelease),
                ["summary"] = new JsonObject { ["content"] = source.Content.Summary },
                ["content"] = new JsonObject { ["type"] = "application/json", ["src"] = url },
                ["format"] = new JsonObject { ["schema"] = CsafDocumentBuilder.SchemaUrl, ["version"] = "2.0" },
            });
        }
        return new JsonObject
        {
            ["feed"] = new JsonObject
            {
                ["id"] = $"{publisher.Namespace}/csaf-feed-tlp-{directory}",
                ["title"] = $"{publisher.Name} CSAF advisories (TLP:{label})",
                ["link"] = new JsonArray(Link("self", locations.Absolute(Path(directory)))),
                ["category"] = new JsonArray(new JsonObject { ["scheme"] = "urn:ietf:params:rolie:category:information-type", ["term"] = "csaf" }),
                ["updated"] = CsafDocumentBuilder.CsafTime(sources.Count > 0 ? sources.Max(s => s.CurrentRelease) : now),
                ["entry"] = entries,
            },
        };
    }

    private static JsonObject Link(string rel, string href) => new() { ["rel"] = rel, ["href"] = href };
}
