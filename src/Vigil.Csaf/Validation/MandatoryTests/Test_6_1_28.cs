using System.Text.Json;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.28 Translation: the document's language differs from its source language.</summary>
internal sealed class Test_6_1_28 : IMandatoryTest
{
    public string Number => "6.1.28";

    public IEnumerable<CsafFinding> Run(JsonElement document)
    {
        var lang = CsafProducts.Strings(JsonWalk.Select(document, "/document/lang")).Select(l => l.Id).FirstOrDefault();
        var source = CsafProducts.Strings(JsonWalk.Select(document, "/document/source_lang")).Select(l => l.Id).FirstOrDefault();
        if (lang is not null && string.Equals(lang, source, StringComparison.OrdinalIgnoreCase))
        {
            yield return new CsafFinding(Number, "/document/lang", $"the language {lang} is also the source language");
        }
    }
}
