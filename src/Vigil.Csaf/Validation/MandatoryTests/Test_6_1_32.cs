using System.Text.Json;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.32 Flag without Product Reference: each flag names products or product groups.</summary>
internal sealed class Test_6_1_32 : IMandatoryTest
{
    public string Number => "6.1.32";

    public IEnumerable<CsafFinding> Run(JsonElement document) =>
        JsonWalk.Select(document, "/vulnerabilities[]/flags[]")
            .Where(f => !JsonWalk.Has(f.Value, "product_ids") && !JsonWalk.Has(f.Value, "group_ids"))
            .Select(f => new CsafFinding(Number, f.Path, "the flag names no product or product group"));
}
