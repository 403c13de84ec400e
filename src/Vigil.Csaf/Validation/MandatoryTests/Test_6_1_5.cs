using System.Text.Json;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.5 Multiple Definition of Product Group ID: each product group id is defined once.</summary>
internal sealed class Test_6_1_5 : IMandatoryTest
{
    public string Number => "6.1.5";

    public IEnumerable<CsafFinding> Run(JsonElement document) =>
        CsafProducts.GroupIdDefinitions(document)
            .GroupBy(d => d.Id, StringComparer.Ordinal)
            .SelectMany(same => same.Skip(1))
            .Select(d => new CsafFinding(Number, d.Path, $"product group id {d.Id} is defined more than once"));
}
