using System.Text.Json;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.13 PURL: every package URL in a product identification helper is a valid purl.</summary>
internal sealed class Test_6_1_13 : IMandatoryTest
{
    public string Number => "6.1.13";

    public IEnumerable<CsafFinding> Run(JsonElement document) =>
        CsafProducts.FullProductNames(document)
            .SelectMany(p => CsafProducts.Strings(JsonWalk.Select(p.Product, p.Path, "/product_identification_helper/purl")))
            .Where(purl => PackageUrlSyntax.Problem(purl.Id) is not null)
            .Select(purl => new CsafFinding(Number, purl.Path, $"not a package URL: {PackageUrlSyntax.Problem(purl.Id)}"));
}
