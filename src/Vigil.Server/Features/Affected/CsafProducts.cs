using System.Text.Json;
using Vigil.Domain.Exposure;
using Vigil.Domain.Versions;

namespace Vigil.Server.Features.Affected;

/// <summary>
/// Every product a CSAF 2.0 product tree defines, by product id: the leaves of its branches (vendor, product name or
/// family, platform, and the version, version range, service pack or patch level above the product), its top-level
/// full product names, and its relationships, each of which stands for the product it references.
/// </summary>
public static class CsafProducts
{
    /// <summary>
    /// One product: who makes it and what it is called, the version or range the branches give (else the version its
    /// purl or CPE carries), its identification helpers, and for a relationship's product, the relationship.
    /// </summary>
    public sealed record Product(
        string Id, string Vendor, string Name, string? Platform, string? Version, string? Range, PackageUrl? Purl, CpeName? Cpe,
        ProductRelationship? Relationship = null, string? FullName = null)
    {
        /// <summary>Vendor, name and platform: what "the same product in another version" shares.</summary>
        public string Key => $"{Vendor}\n{Name}\n{Platform}";
    }

    public static Dictionary<string, Product> Read(JsonElement document)
    {
        var products = new Dictionary<string, Product>(StringComparer.Ordinal);
        if (!document.TryGetProperty("product_tree", out var tree) || tree.ValueKind != JsonValueKind.Object)
        {
            return products;
        }
        if (tree.TryGetProperty("branches", out var branches))
        {
            Walk(branches, new Product("", "", "", null, null, null, null, null), products);
        }
        if (tree.TryGetProperty("full_product_names", out var names) && names.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in names.EnumerateArray())
            {
                Add(name, new Product("", "", "", null, null, null, null, null), products);
            }
        }
        if (tree.TryGetProperty("relationships", out var relationships) && relationships.ValueKind == JsonValueKind.Array)
        {
            ReadRelationships([.. relationships.EnumerateArray()], products);
        }
        return products;
    }

    private static void Walk(JsonElement branches, Product above, Dictionary<string, Product> products)
    {
        if (branches.ValueKind != JsonValueKind.Array)
        {
            return;
        }
        foreach (var branch in branches.EnumerateArray())
        {
            var value = Text(branch, "name") ?? "";
            var here = Text(branch, "category") switch
            {
                "vendor" => above with { Vendor = value },
                "product_name" or "product_family" => above with { Name = value },
                "platform" => above with { Platform = value },
                "product_version" or "service_pack" or "patch_level" => above with { Version = value, Range = null },
                "product_version_range" => above with { Version = null, Range = value },
                _ => above,
            };
            if (branch.TryGetProperty("product", out var product))
            {
                Add(product, here, products);
            }
            if (branch.TryGetProperty("branches", out var children))
            {
                Walk(children, here, products);
            }
        }
    }

    /// <summary>A full product name with the branches' context; its helpers may carry the version the branches lack.</summary>
    private static void Add(JsonElement product, Product context, Dictionary<string, Product> products)
    {
        if (Text(product, "product_id") is not { } id)
        {
            return;
        }
        var helper = product.TryGetProperty("product_identification_helper", out var h) ? h : default;
        var purl = Text(helper, "purl") is { } p && PackageUrl.TryParseLenient(p, out var parsedPurl, out _) ? parsedPurl : null;
        var cpe = Text(helper, "cpe") is { } c && CpeName.TryParseAnyBinding(c, out var parsedCpe) ? parsedCpe : null;
        var name = context.Name.Length > 0 ? context.Name : Text(product, "name") ?? id;
        var version = context.Version ?? (context.Range is null ? purl?.Version ?? cpe?.ConcreteVersion : null);
        products[id] = context with { Id = id, Name = name, Version = version, Purl = purl, Cpe = cpe, FullName = Text(product, "name") };
    }

    /// <summary>
    /// A relationship's product is the referenced product (its identity and versions) in a role; relationships may
    /// reference each other's products, so they are resolved until no more can be.
    /// </summary>
    private static void ReadRelationships(List<JsonElement> relationships, Dictionary<string, Product> products)
    {
        var pending = relationships;
        while (pending.Count > 0)
        {
            var unresolved = new List<JsonElement>();
            foreach (var relationship in pending)
            {
                var full = relationship.TryGetProperty("full_product_name", out var f) ? f : default;
                if (Text(full, "product_id") is not { } id || Text(relationship, "product_reference") is not { } reference
                    || Text(relationship, "relates_to_product_reference") is not { } relatesTo)
                {
                    continue;
                }
                if (!products.TryGetValue(reference, out var component))
                {
                    unresolved.Add(relationship);
                    continue;
                }
                products[id] = component with
                {
                    Id = id,
                    FullName = Text(full, "name"),
                    Relationship = new ProductRelationship(Text(relationship, "category") ?? "", id, Text(full, "name") ?? id, reference, relatesTo,
                        products.GetValueOrDefault(relatesTo)?.FullName),
                };
            }
            if (unresolved.Count == pending.Count)
            {
                return;
            }
            pending = unresolved;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
