using System.Text.Json;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.21 Missing Item in Revision History: sorted by date, the (major) version numbers start at 0 or 1 and
/// skip none.</summary>
internal sealed class Test_6_1_21 : IMandatoryTest
{
    public string Number => "6.1.21";

    public IEnumerable<CsafFinding> Run(JsonElement document)
    {
        var items = RevisionHistoryItem.ByDate(document).Where(i => i.Version is not null).ToList();
        if (items.Count == 0) { yield break; }
        if (items[0].Version!.Major > 1)
        {
            yield return new CsafFinding(Number, $"{items[0].Path}/number", $"the first revision is {items[0].Number}, not 0 or 1");
        }
        for (var i = 1; i < items.Count; i++)
        {
            if (items[i].Version!.Major - items[i - 1].Version!.Major > 1)
            {
                yield return new CsafFinding(Number, $"{items[i].Path}/number",
                    $"revisions between {items[i - 1].Number} and {items[i].Number} are missing");
            }
        }
    }
}
