using System.Text.Json;
using Vigil.Domain.Exposure;
using Vigil.Domain.Versions;

namespace Vigil.Server.Features.Affected;

/// <summary>
/// The products a CSAF 2.0 document says are affected, as entries the exposure matcher reads: each product id its
/// vulnerabilities list as known (or first or last) affected, with the vendor, product name and platform of the branches
/// above it, its purl or CPE, and its version range. A product whose versions are not a <c>vers</c> range or a single
/// version is left out: without versions the matcher cannot tell an affected release from a fixed one.
/// </summary>
public static class CsafProductEntries
{
    private sealed record Product(string Id, string Vendor, string Name, string? Platform, string? Version, string? Range, PackageUrl? Purl, CpeName? Cpe);

    public sealed record Entry(
        string DocumentId, string ProductReference, string Vendor, string Product, string? Platform,
        PackageUrl? Purl, CpeName? Cpe, IReadOnlyList<VersionRange> Affected, IReadOnlyList<string> Fixed) : IAffectedProductEntry;

    public static IReadOnlyList<IAffectedProductEntry> Read(string documentId, JsonElement document)
    {
        var products = new Dictionary<string, Product>(StringComparer.Ordinal);
        if (document.TryGetProperty("product_tree", out var tree) && tree.TryGetProperty("branches", out var branches))
        {
            Walk(branches, "", "", null, null, null, products);
        }
        var affected = StatusIds(document, "known_affected", "first_affected", "last_affected");
        var fixedIds = StatusIds(document, "fixed", "first_fixed");
        var entries = new List<IAffectedProductEntry>();
        foreach (var id in affected)
        {
            if (!products.TryGetValue(id, out var product) || RangeOf(product) is not { } range)
            {
                continue;
            }
            var fixedVersions = fixedIds.Select(f => products.GetValueOrDefault(f))
                .Where(f => f is { Version: not null } && f.Vendor == product.Vendor && f.Name == product.Name && f.Platform == product.Platform)
                .Select(f => f!.Version!).Distinct(StringComparer.Ordinal).ToList();
            entries.Add(new Entry(documentId, id, product.Vendor, product.Name, product.Platform, product.Purl, product.Cpe, [range], fixedVersions));
        }
        return entries;
    }

    private static void Walk(JsonElement branches, string vendor, string name, string? platform, string? version, string? range, Dictionary<string, Product> products)
    {
        if (branches.ValueKind != JsonValueKind.Array)
        {
            return;
        }
        foreach (var branch in branches.EnumerateArray())
        {
            var category = branch.TryGetProperty("category", out var c) ? c.GetString() : null;
            var value = branch.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "";
            var (v, p, pl, ver, rng) = category switch
            {
                "vendor" => (value, name, platform, version, range),
                "product_name" or "product_family" => (vendor, value, platform, version, range),
                "platform" => (vendor, name, value, version, range),
                "product_version" => (vendor, name, platform, value, null),
                "product_version_range" => (vendor, name, platform, null, value),
                _ => (vendor, name, platform, version, range),
            };
            if (branch.TryGetProperty("product", out var product) && product.TryGetProperty("product_id", out var id) && id.GetString() is { } productId)
            {
                var helper = product.TryGetProperty("product_identification_helper", out var h) ? h : default;
                products[productId] = new Product(productId, v, p.Length > 0 ? p : product.GetProperty("name").GetString() ?? "", pl, ver, rng,
                    Text(helper, "purl") is { } purl && PackageUrl.TryParse(purl, out var parsed, out _) ? parsed : null,
                    Text(helper, "cpe") is { } cpe && CpeName.TryParse(cpe, out var cpeName) ? cpeName : null);
            }
            if (branch.TryGetProperty("branches", out var children))
            {
                Walk(children, v, p, pl, ver, rng, products);
            }
        }
    }

    private static VersionRange? RangeOf(Product product)
    {
        var text = product.Range is { } range && range.StartsWith("vers:", StringComparison.Ordinal) ? range
            : product.Version is { } version ? $"vers:{(product.Purl?.Type is "npm" ? "npm" : "semver")}/{version}" : null;
        return text is not null && VersionRange.TryParse(text, out var parsed, out _) ? parsed
            : product.Version is { } v && VersionRange.TryParse($"vers:intdot/{v}", out var dotted, out _) ? dotted : null;
    }

    private static HashSet<string> StatusIds(JsonElement document, params string[] statuses)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (!document.TryGetProperty("vulnerabilities", out var vulnerabilities) || vulnerabilities.ValueKind != JsonValueKind.Array)
        {
            return ids;
        }
        foreach (var vulnerability in vulnerabilities.EnumerateArray())
        {
            if (!vulnerability.TryGetProperty("product_status", out var status))
            {
                continue;
            }
            foreach (var name in statuses)
            {
                if (status.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    ids.UnionWith(list.EnumerateArray().Select(e => e.GetString()).OfType<string>());
                }
            }
        }
        return ids;
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
