using System.Text.Json;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.33 Multiple Flags with VEX Justification Codes per Product: a vulnerability flags each product
/// (directly or through a group) at most once.</summary>
internal sealed class Test_6_1_33 : IMandatoryTest
{
    public string Number => "6.1.33";

    public IEnumerable<CsafFinding> Run(JsonElement document)
    {
        var groups = CsafProducts.Groups(document);
        foreach (var (path, vulnerability) in JsonWalk.Select(document, "/vulnerabilities[]"))
        {
            var flagged = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (flagPath, flag) in JsonWalk.Select(vulnerability, path, "/flags[]"))
            {
                foreach (var product in CsafProducts.ProductsOf(flag, groups).Where(p => !flagged.Add(p)))
                {
                    yield return new CsafFinding(Number, flagPath, $"product {product} has more than one flag");
                }
            }
        }
    }
}
