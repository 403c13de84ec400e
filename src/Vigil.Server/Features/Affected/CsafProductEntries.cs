using System.Text.Json;
using Vigil.Domain.Exposure;
using Vigil.Domain.Versions;

namespace Vigil.Server.Features.Affected;

/// <summary>
/// What a CSAF 2.0 document says of its products, as entries the exposure matcher reads: for each vulnerability, each
/// product id it lists as known, first or last affected (affected), or as fixed, first fixed or known not affected
/// (cancelling those versions), with the product's identity and versions from <see cref="CsafProducts"/>.
/// A product whose versions Vigil cannot read, or that has none, is still an entry: it matches on identity alone and
/// the answer says that the document gives no version to compare.
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
        ProductRelationship? Relationship) : IAffectedProductEntry;

    public static IReadOnlyList<IAffectedProductEntry> Read(string documentId, JsonElement document)
    {
        var products = CsafProducts.Read(document);
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
            var fixedVersions = FixedStatuses.SelectMany(s => Ids(status, s)).Select(products.GetValueOrDefault).OfType<CsafProducts.Product>()
                .Where(p => p.Version is not null).ToLookup(p => p.Key, p => p.Version!);
            foreach (var (name, state) in AffectedStatuses.Select(s => (s, ProductState.Affected)).Concat(NotAffectedStatuses.Select(s => (s, ProductState.NotAffected))))
            {
                foreach (var id in Ids(status, name))
                {
                    if (products.TryGetValue(id, out var product))
                    {
                        var (ranges, versions, unread) = VersionsOf(product);
                        entries.Add(new Entry(documentId, id, product.Vendor, product.Name, product.Platform, product.Purl, product.Cpe, ranges,
                            state == ProductState.Affected ? [.. fixedVersions[product.Key].Distinct(StringComparer.Ordinal)] : [],
                            versions, unread, state, name, statement, product.Relationship));
                    }
                }
            }
        }
        return entries;
    }

    /// <summary>
    /// A <c>vers</c> range as given (a <c>generic</c> one, as the CSAF examples write, read as <c>intdot</c> when its
    /// versions are dotted numbers); a free-text range such as <c>&lt;=1.14.0</c> read as semver or intdot constraints
    /// when it is one; a single version read as semver (npm for npm packages) or intdot, else kept to compare as written.
    /// </summary>
    private static (IReadOnlyList<VersionRange> Ranges, IReadOnlyList<string> Versions, string? Unread) VersionsOf(CsafProducts.Product product)
    {
        if (product.Range is { } range)
        {
            var compact = range.Replace(" ", "", StringComparison.Ordinal);
            string?[] candidates = range.StartsWith("vers:", StringComparison.Ordinal)
                ? [range, range.StartsWith("vers:generic/", StringComparison.Ordinal) ? "vers:intdot/" + range["vers:generic/".Length..] : null]
                : ["vers:semver/" + compact, "vers:intdot/" + compact];
            return FirstOrderable(candidates) is { } readable ? ([readable], [], null) : ([], [], range);
        }
        if (product.Version is { } version)
        {
            var scheme = product.Purl?.Type is "npm" ? "npm" : "semver";
            var bare = ComponentVersion.WithoutLeadingV(version);
            return FirstOrderable([$"vers:{scheme}/{bare}", $"vers:intdot/{bare}"]) is { } single
                ? ([single], [], null) : ([], [version], null);
        }
        return ([], [], null);
    }

    private static VersionRange? FirstOrderable(IEnumerable<string?> candidates) =>
        candidates.OfType<string>().Select(c => VersionRange.TryParse(c, out var parsed, out _) && parsed.Scheme is not null ? parsed : null)
            .FirstOrDefault(r => r is not null);

    private static IEnumerable<string> Ids(JsonElement status, string name) =>
        status.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)
            : [];
}
