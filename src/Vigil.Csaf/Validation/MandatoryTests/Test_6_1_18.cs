using System.Text.Json;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.18 Released Revision History: a final or interim document has no revision numbered 0 or 0.y.z.</summary>
internal sealed class Test_6_1_18 : IMandatoryTest
{
    public string Number => "6.1.18";

    public IEnumerable<CsafFinding> Run(JsonElement document)
    {
        if (RevisionHistoryItem.Tracking(document).Status is not ("final" or "interim")) { return []; }
        return RevisionHistoryItem.Of(document)
            .Where(item => item.Version is { IsBeforeFirstRelease: true })
            .Select(item => new CsafFinding(Number, $"{item.Path}/number", $"a released document has revision {item.Number}"));
    }
}
