using System.Text.Json;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.3 Circular Definition of Product ID: a product defined by a relationship is not built from itself.</summary>
internal sealed class Test_6_1_3 : IMandatoryTest
{
    public string Number => "6.1.3";

    public IEnumerable<CsafFinding> Run(JsonElement document)
    {
        var relationships = JsonWalk.Select(document, "/product_tree/relationships[]").ToList();
        var parts = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (_, relationship) in relationships)
        {
            if (DefinedId(relationship) is not { } id) { continue; }
            var list = parts.TryGetValue(id, out var known) ? known : parts[id] = [];
            list.AddRange(References(relationship).Select(r => r.Id));
        }
        foreach (var (path, relationship) in relationships)
        {
            if (DefinedId(relationship) is not { } id) { continue; }
            foreach (var (name, reference) in References(relationship))
            {
                if (Reaches(reference, id, parts))
                {
                    yield return new CsafFinding(Number, $"{path}/{name}", $"product id {id} is defined by way of itself");
                }
            }
        }
    }

    private static string? DefinedId(JsonElement relationship) =>
        relationship.TryGetProperty("full_product_name", out var product) ? JsonWalk.String(product, "product_id") : null;

    private static IEnumerable<(string Name, string Id)> References(JsonElement relationship) =>
        new[] { "product_reference", "relates_to_product_reference" }
            .Select(name => (name, JsonWalk.String(relationship, name)))
            .Where(r => r.Item2 is not null)
            .Select(r => (r.name, r.Item2!));

    private static bool Reaches(string start, string target, Dictionary<string, List<string>> parts)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([start]);
        while (pending.TryPop(out var current))
        {
            if (current == target) { return true; }
            if (!seen.Add(current) || !parts.TryGetValue(current, out var next)) { continue; }
            foreach (var part in next) { pending.Push(part); }
        }
        return false;
    }
}
