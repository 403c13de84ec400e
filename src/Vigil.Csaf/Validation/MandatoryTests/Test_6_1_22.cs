using System.Text.Json;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.22 Multiple Definition in Revision History: no two revisions share a number.</summary>
internal sealed class Test_6_1_22 : IMandatoryTest
{
    public string Number => "6.1.22";

    public IEnumerable<CsafFinding> Run(JsonElement document) =>
        RevisionHistoryItem.Of(document)
            .Where(item => item.Number is not null)
            .GroupBy(item => item.Number, StringComparer.Ordinal)
            .SelectMany(same => same.Skip(1))
            .Select(item => new CsafFinding(Number, $"{item.Path}/number", $"revision {item.Number} appears more than once"));
}
