using System.Text.Json;

namespace Vigil.Csaf.Validation;

/// <summary>Where a CSAF 2.0 document defines and refers to products and product groups.</summary>
internal static class CsafProducts
{
    /// <summary>The product status lists of a vulnerability.</summary>
    public static readonly string[] StatusLists =
        ["first_affected", "first_fixed", "fixed", "known_affected", "known_not_affected", "last_affected", "recommended", "under_investigation"];

    private static readonly string[] ReferencePaths =
    [
        "/product_tree/product_groups[]/product_ids[]",
        "/product_tree/relationships[]/product_reference",
        "/product_tree/relationships[]/relates_to_product_reference",
        .. StatusLists.Select(list => $"/vulnerabilities[]/product_status/{list}[]"),
        "/vulnerabilities[]/remediations[]/product_ids[]",
        "/vulnerabilities[]/scores[]/products[]",
        "/vulnerabilities[]/threats[]/product_ids[]",
        "/vulnerabilities[]/flags[]/product_ids[]",
    ];

    private static readonly string[] GroupReferencePaths =
    [
        "/vulnerabilities[]/remediations[]/group_ids[]",
        "/vulnerabilities[]/threats[]/group_ids[]",
        "/vulnerabilities[]/flags[]/group_ids[]",
    ];

    /// <summary>Every branch, however deep, with its pointer.</summary>
    public static IEnumerable<(string Path, JsonElement Branch)> Branches(JsonElement document) =>
        JsonWalk.Select(document, "/product_tree/branches[]").SelectMany(b => WithSubBranches(b.Path, b.Value));

    /// <summary>Every full product name: listed, at the end of a branch, or defined by a relationship.</summary>
    public static IEnumerable<(string Path, JsonElement Product)> FullProductNames(JsonElement document) =>
        JsonWalk.Select(document, "/product_tree/full_product_names[]")
            .Concat(Branches(document).SelectMany(b => JsonWalk.Select(b.Branch, b.Path, "/product")))
            .Concat(JsonWalk.Select(document, "/product_tree/relationships[]/full_product_name"));

    /// <summary>Every product id definition, pointing at its <c>product_id</c>.</summary>
    public static IEnumerable<(string Path, string Id)> ProductIdDefinitions(JsonElement document) =>
        FullProductNames(document).SelectMany(p => Strings(JsonWalk.Select(p.Product, p.Path, "/product_id")));

    /// <summary>Every reference to a product id.</summary>
    public static IEnumerable<(string Path, string Id)> ProductIdReferences(JsonElement document) =>
        ReferencePaths.SelectMany(path => Strings(JsonWalk.Select(document, path)));

    /// <summary>Every product group id definition.</summary>
    public static IEnumerable<(string Path, string Id)> GroupIdDefinitions(JsonElement document) =>
        Strings(JsonWalk.Select(document, "/product_tree/product_groups[]/group_id"));

    /// <summary>Every reference to a product group id.</summary>
    public static IEnumerable<(string Path, string Id)> GroupIdReferences(JsonElement document) =>
        GroupReferencePaths.SelectMany(path => Strings(JsonWalk.Select(document, path)));

    /// <summary>The product ids of each group, by group id (the first definition wins).</summary>
    public static IReadOnlyDictionary<string, string[]> Groups(JsonElement document)
    {
        var groups = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (path, group) in JsonWalk.Select(document, "/product_tree/product_groups[]"))
        {
            if (JsonWalk.String(group, "group_id") is not { } id) { continue; }
            groups.TryAdd(id, [.. Strings(JsonWalk.Select(group, path, "/product_ids[]")).Select(p => p.Id)]);
        }
        return groups;
    }

    /// <summary>The products an item (remediation, threat, flag) names, directly or through its groups.</summary>
    public static IEnumerable<string> ProductsOf(JsonElement item, IReadOnlyDictionary<string, string[]> groups) =>
        Strings(JsonWalk.Select(item, "", "/product_ids[]")).Select(p => p.Id)
            .Concat(Strings(JsonWalk.Select(item, "", "/group_ids[]"))
                .SelectMany(g => groups.TryGetValue(g.Id, out var ids) ? ids : []))
            .Distinct(StringComparer.Ordinal);

    /// <summary>The string values among selected values.</summary>
    public static IEnumerable<(string Path, string Id)> Strings(IEnumerable<(string Path, JsonElement Value)> values) =>
        values.Where(v => v.Value.ValueKind == JsonValueKind.String).Select(v => (v.Path, v.Value.GetString()!));

    private static IEnumerable<(string Path, JsonElement Branch)> WithSubBranches(string path, JsonElement branch) =>
        JsonWalk.Select(branch, path, "/branches[]").SelectMany(b => WithSubBranches(b.Path, b.Value)).Prepend((path, branch));
}
