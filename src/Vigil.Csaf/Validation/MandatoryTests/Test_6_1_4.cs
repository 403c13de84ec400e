using System.Text.Json;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.4 Missing Definition of Product Group ID: every product group id referred to is defined.</summary>
internal sealed class Test_6_1_4 : IMandatoryTest
{
    public string Number => "6.1.4";

    public IEnumerable<CsafFinding> Run(JsonElement document)
    {
        var defined = CsafProducts.GroupIdDefinitions(document).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        return CsafProducts.GroupIdReferences(document)
            .Where(reference => !defined.Contains(reference.Id))
            .Select(reference => new CsafFinding(Number, reference.Path, $"product group id {reference.Id} is not defined"));
    }
}
