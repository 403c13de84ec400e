using System.Text.Json;
using System.Text.RegularExpressions;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>
/// 6.1.31 Version Range in Product Version: a <c>product_version</c> branch names one version, not a range. The words
/// count only as whole words, separated by white space, as the TC's test data reads them: "after-eight" is a version.
/// </summary>
internal sealed partial class Test_6_1_31 : IMandatoryTest
{
    public string Number => "6.1.31";

    public IEnumerable<CsafFinding> Run(JsonElement document) =>
        CsafProducts.Branches(document)
            .Where(b => JsonWalk.String(b.Branch, "category") == "product_version")
            .Select(b => (b.Path, Name: JsonWalk.String(b.Branch, "name")))
            .Where(b => b.Name is not null && RangeIndicator().IsMatch(b.Name))
            .Select(b => new CsafFinding(Number, $"{b.Path}/name", $"\"{b.Name}\" is a version range; use product_version_range"));

    [GeneratedRegex(@"(<|>|(?<!\S)(after|all|before|earlier|later|prior|versions)(?!\S))", RegexOptions.IgnoreCase)]
    private static partial Regex RangeIndicator();
}
