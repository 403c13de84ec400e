using System.Text.Json;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.30 Mixed Integer and Semantic Versioning: the document version and every revision number use the
/// same versioning scheme.</summary>
internal sealed class Test_6_1_30 : IMandatoryTest
{
    public string Number => "6.1.30";

    public IEnumerable<CsafFinding> Run(JsonElement document)
    {
        if (DocumentVersion.Parse(RevisionHistoryItem.Tracking(document).Version) is not { } version) { return []; }
        var scheme = version.IsInteger ? "integer" : "semantic";
        return RevisionHistoryItem.Of(document)
            .Where(item => item.Version is { } v && v.IsInteger != version.IsInteger)
            .Select(item => new CsafFinding(Number, $"{item.Path}/number", $"revision {item.Number} does not use {scheme} versioning like the document"));
    }
}
