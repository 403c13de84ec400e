using System.Text.Json;

namespace Vigil.Server.Features.Affected;

/// <summary>
/// A CSAF vulnerability's remediations by the product ids they name: those in <c>product_ids</c>, and the members of
/// the product groups in <c>group_ids</c> (<c>/product_tree/product_groups</c>). A remediation applies to the products
/// it names and to no other, so an answer about one product gives only its own.
/// </summary>
public static class CsafRemediations
{
    /// <summary>Each product group's product ids, by group id.</summary>
    public static ILookup<string, string> Groups(JsonElement document) =>
        (document.TryGetProperty("product_tree", out var tree) && tree.ValueKind == JsonValueKind.Object
            && tree.TryGetProperty("product_groups", out var groups) && groups.ValueKind == JsonValueKind.Array
                ? groups.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Where(g => g.ValueKind == JsonValueKind.Object && Text(g, "group_id") is not null)
            .SelectMany(g => Strings(g, "product_ids").Select(id => (Group: Text(g, "group_id")!, Id: id)))
            .ToLookup(g => g.Group, g => g.Id, StringComparer.Ordinal);

    /// <summary>The details of each remediation of <paramref name="vulnerability"/>, by every product id it names, in document order.</summary>
    public static ILookup<string, string> Read(JsonElement vulnerability, ILookup<string, string> groups) =>
        (vulnerability.TryGetProperty("remediations", out var remediations) && remediations.ValueKind == JsonValueKind.Array
            ? remediations.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Where(r => r.ValueKind == JsonValueKind.Object && Text(r, "details") is not null)
            .SelectMany(r => Strings(r, "product_ids").Concat(Strings(r, "group_ids").SelectMany(g => groups[g]))
                .Distinct(StringComparer.Ordinal).Select(id => (Id: id, Details: Text(r, "details")!)))
            .ToLookup(r => r.Id, r => r.Details, StringComparer.Ordinal);

    private static IEnumerable<string> Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)
            : [];

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
