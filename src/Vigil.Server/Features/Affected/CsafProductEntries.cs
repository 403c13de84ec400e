using System.Text.Json;
using Vigil.Domain.Exposure;
using Vigil.Domain.Versions;

namespace Vigil.Server.Features.Affected;

/// <summary>
/// What a CSAF 2.0 document says of its products, as entries the exposure matcher reads: for each vulnerability, each
/// product id it lists as known, first or last affected (affected), or as fixed, first fixed or known not affected
/// (cancelling those versions), with the product's identity and versions from <see cref="CsafProducts"/>.
/// A product whose versions Vigil cannot read, or that has none, is still an entry: it matches on identity alone and
/// the answer says that the document gives no version to compare. Each entry carries the vulnerability's remediations
/// that name its product id (<see cref="CsafRemediations"/>), so the answer advises on what matched only.
/// </summary>
public static class CsafProductEntries
{
    private static readonly string[] AffectedStatuses = ["known_affected", "first_affected", "last_affected"];
    private static readonly string[] NotAffectedStatuses = ["fixed", "first_fixed", "known_not_affected"];
    private static readonly string[] FixedStatuses = ["fixed", "first_fixed"];

    public sealed record Entry(
        string DocumentId, string ProductReference, string Vendor, string Product, string? Platform,
        PackageUrl? Purl, CpeName? Cpe, IReadOnlyList<VersionRange> Affected, IReadOnlyList<string> Fixed,
        IReadOnlyList<string> Versions, string? UnreadVersions, ProductState State, string Status, string Statement,
        ProductRelationship? Relationship, string? RangeWords = null, IReadOnlyList<string>? Remediations = null) : IAffectedProductEntry;

    public static IReadOnlyList<IAffectedProductEntry> Read(string documentId, JsonElement document)
    {
        var products = CsafProducts.Read(document);
        var groups = CsafRemediations.Groups(document);
        var entries = new List<IAffectedProductEntry>();
        if (!document.TryGetProperty("vulnerabilities", out var vulnerabilities) || vulnerabilities.ValueKind != JsonValueKind.Array)
        {
            return entries;
        }
        var index = 0;
        foreach (var vulnerability in vulnerabilities.EnumerateArray())
        {
            var statement = $"/vulnerabilities/{index++}";
            if (!vulnerability.TryGetProperty("product_status", out var status) || status.ValueKind != JsonValueKind.Object)
            {
                continue;
            }
            var remediations = CsafRemediations.Read(vulnerability, groups);
            var fixedVersions = FixedStatuses.SelectMany(s => Ids(status, s)).Select(products.GetValueOrDefault).OfType<CsafProducts.Product>()
                .Where(p => p.Version is not null).ToLookup(p => p.Key, p => p.Version!);
            foreach (var (name, state) in AffectedStatuses.Select(s => (s, ProductState.Affected)).Concat(NotAffectedStatuses.Select(s => (s, ProductState.NotAffected))))
            {
                foreach (var id in Ids(status, name))
                {
                    if (products.TryGetValue(id, out var product))
                    {
                        var (ranges, versions, unread, words) = VersionsOf(product);
                        entries.Add(new Entry(documentId, id, product.Vendor, product.Name, product.Platform, product.Purl, product.Cpe, ranges,
                            state == ProductState.Affected ? [.. fixedVersions[product.Key].Distinct(StringComparer.Ordinal)] : [],
                            versions, unread, state, name, statement, product.Relationship, words, [.. remediations[id]]));
                    }
                }
            }
        }
        return entries;
    }

    /// <summary>
    /// A range name as <see cref="VersionRangeNames.ReadRange"/> reads it (a <c>vers</c> range, or words such as
    /// <c>&lt; V2.7</c>); a version name that is in fact a range in words (<c>4.x</c>, <c>prior to 4.2</c>) likewise; a
    /// single version read as semver (npm for npm packages) or intdot, else kept to compare as written.
    /// </summary>
    private static (IReadOnlyList<VersionRange> Ranges, IReadOnlyList<string> Versions, string? Unread, string? Words) VersionsOf(CsafProducts.Product product)
    {
        if (product.Range is { } range)
        {
            return VersionRangeNames.ReadRange(range) is { } reading
                ? ([reading.Range], [], null, reading.FromWords ? range : null)
                : ([], [], range, null);
        }
        if (product.Version is { } version)
        {
            if (VersionRangeWords.Read(version) is { } named)
            {
                return ([named], [], null, version);
            }
            var scheme = product.Purl?.Type is "npm" ? "npm" : "semver";
            var bare = ComponentVersion.WithoutLeadingV(version);
            return FirstOrderable([$"vers:{scheme}/{bare}", $"vers:intdot/{bare}"]) is { } single
                ? ([single], [], null, null) : ([], [version], null, null);
        }
        return ([], [], null, null);
    }

    private static VersionRange? FirstOrderable(IEnumerable<string> candidates) =>
        candidates.Select(c => VersionRange.TryParse(c, out var parsed, out _) && parsed.Scheme is not null ? parsed : null)
            .FirstOrDefault(r => r is not null);

    private static IEnumerable<string> Ids(JsonElement status, string name) =>
        status.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)
            : [];
}
