using System.Text.Json;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.27.10 Action Statement: in a VEX document every known affected product has a remediation.</summary>
internal sealed class Test_6_1_27_10 : ProfileTest
{
    public override string Number => "6.1.27.10";

    protected override string[] Profiles => ["csaf_vex"];

    protected override IEnumerable<CsafFinding> RunForProfile(JsonElement document, string category)
    {
        var groups = CsafProducts.Groups(document);
        foreach (var (path, vulnerability) in JsonWalk.Select(document, "/vulnerabilities[]"))
        {
            var remediated = JsonWalk.Select(vulnerability, path, "/remediations[]")
                .SelectMany(r => CsafProducts.ProductsOf(r.Value, groups))
                .ToHashSet(StringComparer.Ordinal);
            foreach (var (productPath, product) in CsafProducts.Strings(JsonWalk.Select(vulnerability, path, "/product_status/known_affected[]")))
            {
                if (!remediated.Contains(product))
                {
                    yield return Fail(productPath, category, $"product {product} is affected but has no remediation");
                }
            }
        }
    }
}
