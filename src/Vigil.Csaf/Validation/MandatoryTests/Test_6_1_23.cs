using System.Text.Json;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.23 Multiple Use of Same CVE: each CVE id names one vulnerability of the document.</summary>
internal sealed class Test_6_1_23 : IMandatoryTest
{
    public string Number => "6.1.23";

    public IEnumerable<CsafFinding> Run(JsonElement document) =>
        CsafProducts.Strings(JsonWalk.Select(document, "/vulnerabilities[]/cve"))
            .GroupBy(cve => cve.Id, StringComparer.Ordinal)
            .SelectMany(same => same.Skip(1))
            .Select(cve => new CsafFinding(Number, cve.Path, $"{cve.Id} is used by more than one vulnerability"));
}
