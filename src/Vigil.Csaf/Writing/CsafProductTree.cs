using System.Text.Json.Nodes;
using Vigil.Domain.Notes;

namespace Vigil.Csaf.Writing;

/// <summary>
/// The product tree: vendor, then product name, then one product per affected <c>vers</c> range and one per fixed
/// version, each with the purl or CPE that names it. Product ids are numbered in the order the note lists them.
/// </summary>
public sealed class CsafProductTree
{
    private readonly List<string> _affected = [];
    private readonly List<string> _fixed = [];

    /// <summary>Builds the tree of <paramref name="products"/>, vendor by vendor, with an id for each version range and fix.</summary>
    public CsafProductTree(IReadOnlyList<AffectedProduct> products)
    {
        var vendors = new JsonArray();
        var next = 1;
        foreach (var vendor in products.GroupBy(p => p.Vendor))
        {
            var names = new JsonArray();
            foreach (var named in vendor.GroupBy(p => p.FullName))
            {
                var leaves = new JsonArray();
                foreach (var product in named)
                {
                    foreach (var range in product.Affected)
                    {
                        var id = $"CSAFPID-{next++:D4}";
                        _affected.Add(id);
                        leaves.Add(Leaf("product_version_range", range, $"{vendor.Key} {named.Key} {range}", id, product.Purl, product.Cpe));
                    }
                    foreach (var version in product.Fixed)
                    {
                        var id = $"CSAFPID-{next++:D4}";
                        _fixed.Add(id);
                        leaves.Add(Leaf("product_version", version, $"{vendor.Key} {named.Key} {version}", id,
                            WithVersion(product.Purl, version), CpeWithVersion(product.Cpe, version)));
                    }
                }
                names.Add(new JsonObject { ["branches"] = leaves, ["category"] = "product_name", ["name"] = named.Key });
            }
            vendors.Add(new JsonObject { ["branches"] = names, ["category"] = "vendor", ["name"] = vendor.Key });
        }
        Tree = new JsonObject { ["branches"] = vendors };
    }

    /// <summary>The document's <c>product_tree</c>.</summary>
    public JsonObject Tree { get; }

    /// <summary>The ids of the affected products, for <c>product_status.known_affected</c>.</summary>
    public IReadOnlyList<string> Affected => _affected;

    /// <summary>The ids of the fixed versions, for <c>product_status.fixed</c>.</summary>
    public IReadOnlyList<string> Fixed => _fixed;

    private static JsonObject Leaf(string category, string name, string fullName, string id, string? purl, string? cpe)
    {
        var product = new JsonObject { ["name"] = fullName, ["product_id"] = id };
        var helper = new JsonObject();
        if (cpe is not null)
        {
            helper["cpe"] = cpe;
        }
        if (purl is not null)
        {
            helper["purl"] = purl;
        }
        if (helper.Count > 0)
        {
            product["product_identification_helper"] = helper;
        }
        return new JsonObject { ["category"] = category, ["name"] = name, ["product"] = product };
    }

    /// <summary>A purl for one version: the product's purl with the version set, when it names none itself.</summary>
    private static string? WithVersion(string? purl, string version)
    {
        if (purl is null || purl.Contains('@', StringComparison.Ordinal))
        {
            return null;
        }
        var end = purl.IndexOfAny(['?', '#']);
        var encoded = Uri.EscapeDataString(version);
        return end < 0 ? $"{purl}@{encoded}" : $"{purl[..end]}@{encoded}{purl[end..]}";
    }

    /// <summary>A CPE for one version: the product's CPE with its version attribute set, when that is "*".</summary>
    private static string? CpeWithVersion(string? cpe, string version)
    {
        var parts = cpe?.Split(':');
        if (parts is not { Length: 13 } || parts[5] != "*" || version.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')))
        {
            return null;
        }
        parts[5] = version;
        return string.Join(':', parts);
    }
}
