using System.Text.Json;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.1 Missing Definition of Product ID: every product id referred to is defined in the product tree.</summary>
internal sealed class Test_6_1_1 : IMandatoryTest
{
    public string Number => "6.1.1";

    public IEnumerable<CsafFinding> Run(JsonElement document)
    {
        var defined = CsafProducts.ProductIdDefinitions(document).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        return CsafProducts.ProductIdReferences(document)
            .Where(reference => !defined.Contains(reference.Id))
            .Select(reference => new CsafFinding(Number, reference.Path, $"product id {reference.Id} is not defined"));
    }
}
