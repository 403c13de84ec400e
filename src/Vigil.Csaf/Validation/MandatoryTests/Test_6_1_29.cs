using System.Text.Json;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.29 Remediation without Product Reference: each remediation names products or product groups.</summary>
internal sealed class Test_6_1_29 : IMandatoryTest
{
    public string Number => "6.1.29";

    public IEnumerable<CsafFinding> Run(JsonElement document) =>
        JsonWalk.Select(document, "/vulnerabilities[]/remediations[]")
            .Where(r => !JsonWalk.Has(r.Value, "product_ids") && !JsonWalk.Has(r.Value, "group_ids"))
            .Select(r => new CsafFinding(Number, r.Path, "the remediation names no product or product group"));
}
