using System.Text.Json;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.25 Multiple Use of Same Hash Algorithm: a file's hashes use each algorithm once.</summary>
internal sealed class Test_6_1_25 : IMandatoryTest
{
    public string Number => "6.1.25";

    public IEnumerable<CsafFinding> Run(JsonElement document) =>
        CsafProducts.FullProductNames(document)
            .SelectMany(p => JsonWalk.Select(p.Product, p.Path, "/product_identification_helper/hashes[]"))
            .SelectMany(hash => CsafProducts.Strings(JsonWalk.Select(hash.Value, hash.Path, "/file_hashes[]/algorithm"))
                .GroupBy(a => a.Id, StringComparer.Ordinal)
                .SelectMany(same => same.Skip(1)))
            .Select(a => new CsafFinding(Number, a.Path, $"algorithm {a.Id} is used more than once for the same file"));
}
