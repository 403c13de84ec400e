using System.Text.Json;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.7 Multiple Scores with same Version per Product: a vulnerability gives a product at most one score
/// per CVSS version.</summary>
internal sealed class Test_6_1_7 : IMandatoryTest
{
    public string Number => "6.1.7";

    public IEnumerable<CsafFinding> Run(JsonElement document)
    {
        foreach (var (vulnerabilityPath, vulnerability) in JsonWalk.Select(document, "/vulnerabilities[]"))
        {
            var seen = new HashSet<(string Product, string Version)>();
            foreach (var (scorePath, score) in JsonWalk.Select(vulnerability, vulnerabilityPath, "/scores[]"))
            {
                var versions = new[] { "cvss_v2", "cvss_v3" }
                    .Where(kind => JsonWalk.Has(score, kind))
                    .Select(kind => JsonWalk.String(score.GetProperty(kind), "version") ?? kind)
                    .ToList();
                foreach (var (_, product) in CsafProducts.Strings(JsonWalk.Select(score, scorePath, "/products[]")))
                {
                    foreach (var version in versions.Where(v => !seen.Add((product, v))))
                    {
                        yield return new CsafFinding(Number, scorePath, $"product {product} has more than one CVSS {version} score");
                    }
                }
            }
        }
    }
}
