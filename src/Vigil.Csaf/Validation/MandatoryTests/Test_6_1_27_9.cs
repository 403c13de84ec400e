using System.Text.Json;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.27.9 Impact Statement: in a VEX document every product known not to be affected has a flag or an
/// impact threat that says why.</summary>
internal sealed class Test_6_1_27_9 : ProfileTest
{
    public override string Number => "6.1.27.9";

    protected override string[] Profiles => ["csaf_vex"];

    protected override IEnumerable<CsafFinding> RunForProfile(JsonElement document, string category)
    {
        var groups = CsafProducts.Groups(document);
        foreach (var (path, vulnerability) in JsonWalk.Select(document, "/vulnerabilities[]"))
        {
            var explained = JsonWalk.Select(vulnerability, path, "/flags[]")
                .Concat(JsonWalk.Select(vulnerability, path, "/threats[]").Where(t => JsonWalk.String(t.Value, "category") == "impact"))
                .SelectMany(item => CsafProducts.ProductsOf(item.Value, groups))
                .ToHashSet(StringComparer.Ordinal);
            foreach (var (productPath, product) in CsafProducts.Strings(JsonWalk.Select(vulnerability, path, "/product_status/known_not_affected[]")))
            {
                if (!explained.Contains(product))
                {
                    yield return Fail(productPath, category, $"product {product} is not affected but no flag or impact statement says why");
                }
            }
        }
    }
}
