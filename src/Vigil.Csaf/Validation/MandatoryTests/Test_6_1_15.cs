using System.Text.Json;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.15 Translator: a document published by a translator names its source language.</summary>
internal sealed class Test_6_1_15 : IMandatoryTest
{
    public string Number => "6.1.15";

    public IEnumerable<CsafFinding> Run(JsonElement document)
    {
        var isTranslator = JsonWalk.Select(document, "/document/publisher/category").Any(c => c.Value.ValueKind == JsonValueKind.String && c.Value.GetString() == "translator");
        if (isTranslator && !JsonWalk.Select(document, "/document/source_lang").Any())
        {
            yield return new CsafFinding(Number, "/document/source_lang", "a translator's document must give the source language");
        }
    }
}
