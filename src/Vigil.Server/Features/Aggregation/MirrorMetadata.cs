using System.Globalization;
using System.Text.Json.Nodes;
using Vigil.Data.Entities;
using Vigil.Server.Features.Csaf;
using Vigil.Csaf.Writing;

namespace Vigil.Server.Features.Aggregation;

/// <summary>
/// The JSON of a provider's mirror (CSAF requirement 23): its provider-metadata.json, which names the mirror's own URLs
/// but the original's publisher and role and the original's keys (served from the mirror as fetched), and the ROLIE
/// feed of its one directory.
/// </summary>
public static class MirrorMetadata
{
    private static readonly HashSet<string> Roles = ["csaf_publisher", "csaf_provider", "csaf_trusted_provider"];

    /// <summary>Whether a provider's stored role is one CSAF 2.0 defines (metadata may say anything).</summary>
    public static bool IsKnownRole(string? role) => role is not null && Roles.Contains(role);

    public static JsonObject ProviderMetadata(
        FollowedProvider provider, IReadOnlyList<ProviderKey> keys, IReadOnlyList<MirroredDocument> served, CsafLocations locations)
    {
        var folder = provider.MirrorFolder!;
        var lastUpdated = served.Select(d => d.ImportedAt).Append(provider.ListedAt ?? provider.AddedAt).Max();
        return new JsonObject
        {
            ["canonical_url"] = locations.Absolute(MirrorLocations.MetadataPath(folder)),
            ["distributions"] = new JsonArray(new JsonObject
            {
                ["directory_url"] = locations.Absolute(MirrorLocations.DirectoryPath(folder) + "/"),
                ["rolie"] = new JsonObject
                {
                    ["feeds"] = new JsonArray(new JsonObject
                    {
                        ["summary"] = $"{provider.PublisherName} advisories labelled TLP:WHITE, as mirrored",
                        ["tlp_label"] = "WHITE",
                        ["url"] = locations.Absolute(MirrorLocations.FeedPath(folder)),
                    }),
                },
            }),
            ["last_updated"] = CsafDocumentBuilder.CsafTime(lastUpdated),
            ["list_on_CSAF_aggregators"] = provider.ListOnAggregators,
            ["metadata_version"] = "2.0",
            ["mirror_on_CSAF_aggregators"] = provider.MirrorOnAggregators,
            ["public_openpgp_keys"] = new JsonArray([.. keys.Select(k => (JsonNode)new JsonObject
            {
                ["fingerprint"] = k.Fingerprint,
                ["url"] = locations.Absolute(MirrorLocations.KeyPath(folder, k.Fingerprint)),
            })]),
            ["publisher"] = new JsonObject
            {
                ["category"] = provider.PublisherCategory,
                ["name"] = provider.PublisherName,
                ["namespace"] = provider.PublisherNamespace,
            },
            ["role"] = IsKnownRole(provider.Role) ? provider.Role : "csaf_provider",
        };
    }

    public static JsonObject Feed(FollowedProvider provider, IReadOnlyList<MirroredDocument> served, CsafLocations locations)
    {
        var folder = provider.MirrorFolder!;
        var entries = new JsonArray();
        foreach (var document in served)
        {
            var url = locations.Absolute(MirrorLocations.DocumentPath(folder, document.Path));
            entries.Add(new JsonObject
            {
                ["id"] = document.TrackingId,
                ["title"] = document.Title,
                ["link"] = new JsonArray(Link("self", url), Link("hash", url + ".sha256"), Link("hash", url + ".sha512"), Link("signature", url + ".asc")),
                ["published"] = CsafDocumentBuilder.CsafTime(document.FirstImportedAt),
                ["updated"] = CsafDocumentBuilder.CsafTime(document.ImportedAt),
                ["content"] = new JsonObject { ["type"] = "application/json", ["src"] = url },
                ["format"] = new JsonObject { ["schema"] = CsafDocumentBuilder.SchemaUrl, ["version"] = "2.0" },
            });
        }
        return new JsonObject
        {
            ["feed"] = new JsonObject
            {
                ["id"] = locations.Absolute(MirrorLocations.FeedPath(folder)),
                ["title"] = $"{provider.PublisherName} CSAF advisories (TLP:WHITE), mirrored",
                ["link"] = new JsonArray(Link("self", locations.Absolute(MirrorLocations.FeedPath(folder)))),
                ["category"] = new JsonArray(new JsonObject { ["scheme"] = "urn:ietf:params:rolie:category:information-type", ["term"] = "csaf" }),
                ["updated"] = CsafDocumentBuilder.CsafTime(served.Count > 0 ? served.Max(d => d.ImportedAt) : provider.ListedAt ?? provider.AddedAt),
                ["entry"] = entries,
            },
        };
    }

    /// <summary>changes.csv: each path with the document's own <c>current_release_date</c>, newest first.</summary>
    public static string Changes(IReadOnlyList<MirroredDocument> served) => string.Concat(served
        .Select(d => (d.Path, Time: DateTimeOffset.TryParse(d.CurrentReleaseDate, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : d.ImportedAt))
        .OrderByDescending(d => d.Time).ThenBy(d => d.Path, StringComparer.Ordinal)
        .Select(d => $"\"{d.Path}\",\"{CsafDocumentBuilder.CsafTime(d.Time)}\"\n"));

    private static JsonObject Link(string rel, string href) => new() { ["rel"] = rel, ["href"] = href };
}
