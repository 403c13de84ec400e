using System.Globalization;
using System.Text.Json;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.12 Language: the document's language and source language are real languages.</summary>
/// <remarks>The JSON schema already checks the BCP 47 syntax. Whether a two-letter primary language subtag is a
/// registered language (ISO 639-1) is asked of the ICU data .NET carries, the nearest offline stand-in for the IANA
/// registry. Three-letter subtags pass: ICU knows only part of ISO 639-2 and 639-3, and refusing a real language
/// would refuse a valid document.</remarks>
internal sealed class Test_6_1_12 : IMandatoryTest
{
    private static readonly Lazy<HashSet<string>> KnownLanguages = new(() =>
        CultureInfo.GetCultures(CultureTypes.AllCultures)
            .Select(c => c.TwoLetterISOLanguageName)
            .Where(code => code.Length == 2)
            .ToHashSet(StringComparer.OrdinalIgnoreCase));

    public string Number => "6.1.12";

    public IEnumerable<CsafFinding> Run(JsonElement document) =>
        CsafProducts.Strings(JsonWalk.Select(document, "/document/lang").Concat(JsonWalk.Select(document, "/document/source_lang")))
            .Where(tag => !IsKnown(tag.Id))
            .Select(tag => new CsafFinding(Number, tag.Path, $"{tag.Id} does not name a known language"));

    private static bool IsKnown(string tag)
    {
        var primary = tag.Split('-')[0];
        // "i-..." (grandfathered) and "x-..." (private use) tags carry no ISO 639 language; see the remarks on three letters.
        return primary.Length != 2 || KnownLanguages.Value.Contains(primary);
    }
}
