using System.Globalization;
using System.Text.Json;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.12 Language: the document's language and source language are real languages.</summary>
/// <remarks>The JSON schema already checks the BCP 47 syntax. Whether the primary language subtag is a registered
/// language is asked of the ICU data .NET carries (ISO 639), the nearest offline stand-in for the IANA registry.</remarks>
internal sealed class Test_6_1_12 : IMandatoryTest
{
    private static readonly Lazy<HashSet<string>> KnownLanguages = new(() =>
        CultureInfo.GetCultures(CultureTypes.AllCultures)
            .SelectMany(c => new[] { c.TwoLetterISOLanguageName, c.ThreeLetterISOLanguageName })
            .Where(code => code.Length is 2 or 3)
            .ToHashSet(StringComparer.OrdinalIgnoreCase));

    public string Number => "6.1.12";

    public IEnumerable<CsafFinding> Run(JsonElement document) =>
        CsafProducts.Strings(JsonWalk.Select(document, "/document/lang").Concat(JsonWalk.Select(document, "/document/source_lang")))
            .Where(tag => !IsKnown(tag.Id))
            .Select(tag => new CsafFinding(Number, tag.Path, $"{tag.Id} does not name a known language"));

    private static bool IsKnown(string tag)
    {
        var primary = tag.Split('-')[0];
        // "i-..." (grandfathered) and "x-..." (private use) tags carry no ISO 639 language.
        return primary.Length == 1 || (primary.Length is 2 or 3 && KnownLanguages.Value.Contains(primary)) || primary.Length > 3;
    }
}
