using System.Text.Json;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.6 Contradicting Product Status: a product is in at most one of the groups affected, not affected,
/// fixed and under investigation of a vulnerability.</summary>
internal sealed class Test_6_1_6 : IMandatoryTest
{
    private static readonly (string Group, string[] Lists)[] Groups =
    [
        ("affected", ["first_affected", "known_affected", "last_affected"]),
        ("not affected", ["known_not_affected"]),
        ("fixed", ["first_fixed", "fixed"]),
        ("under investigation", ["under_investigation"]),
    ];

    public string Number => "6.1.6";

    public IEnumerable<CsafFinding> Run(JsonElement document)
    {
        foreach (var (path, status) in JsonWalk.Select(document, "/vulnerabilities[]/product_status"))
        {
            var seenIn = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (group, lists) in Groups)
            {
                var ids = lists.SelectMany(list => CsafProducts.Strings(JsonWalk.Select(status, path, $"/{list}[]")));
                foreach (var (idPath, id) in ids.DistinctBy(i => i.Id))
                {
                    if (seenIn.TryAdd(id, group)) { continue; }
                    if (seenIn[id] != group)
                    {
                        yield return new CsafFinding(Number, idPath, $"product {id} is both {seenIn[id]} and {group}");
                    }
                }
            }
        }
    }
}
