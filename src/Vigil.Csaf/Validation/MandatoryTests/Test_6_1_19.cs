using System.Text.Json;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.19 Revision History Entries for Pre-release Versions: no revision number has a pre-release part.</summary>
internal sealed class Test_6_1_19 : IMandatoryTest
{
    public string Number => "6.1.19";

    public IEnumerable<CsafFinding> Run(JsonElement document) =>
        RevisionHistoryItem.Of(document)
            .Where(item => item.Version is { IsPreRelease: true })
            .Select(item => new CsafFinding(Number, $"{item.Path}/number", $"revision {item.Number} is a pre-release"));
}
