using System.Text.Json;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.2 Multiple Definition of Product ID: each product id is defined once.</summary>
internal sealed class Test_6_1_2 : IMandatoryTest
{
    public string Number => "6.1.2";

    public IEnumerable<CsafFinding> Run(JsonElement document) =>
        CsafProducts.ProductIdDefinitions(document)
            .GroupBy(d => d.Id, StringComparer.Ordinal)
            .SelectMany(same => same.Skip(1))
            .Select(d => new CsafFinding(Number, d.Path, $"product id {d.Id} is defined more than once"));
}
