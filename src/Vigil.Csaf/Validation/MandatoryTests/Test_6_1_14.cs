using System.Text.Json;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.14 Sorted Revision History: sorted ascending by date, the items' numbers ascend too.</summary>
internal sealed class Test_6_1_14 : IMandatoryTest
{
    public string Number => "6.1.14";

    public IEnumerable<CsafFinding> Run(JsonElement document)
    {
        var items = RevisionHistoryItem.ByDate(document).Where(i => i.Version is not null).ToList();
        for (var i = 1; i < items.Count; i++)
        {
            if (items[i].Version!.CompareTo(items[i - 1].Version) < 0)
            {
                yield return new CsafFinding(Number, $"{items[i].Path}/number",
                    $"version {items[i].Number} is dated after version {items[i - 1].Number}, which it precedes");
            }
        }
    }
}
