using System.Numerics;
using System.Text.Json;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.21 Missing Item in Revision History: sorted by date, the first (major) version number is 0 or 1 and
/// every (major) number from it up to the highest appears.</summary>
/// <remarks>Each major number counts once, where it first appears by date, so a history that is merely out of order
/// fails 6.1.14, not this test as well.</remarks>
internal sealed class Test_6_1_21 : IMandatoryTest
{
    public string Number => "6.1.21";

    public IEnumerable<CsafFinding> Run(JsonElement document)
    {
        var firstOfEachMajor = RevisionHistoryItem.ByDate(document).Where(i => i.Version is not null).DistinctBy(i => i.Version!.Major).ToList();
        if (firstOfEachMajor.Count == 0) { yield break; }
        var start = firstOfEachMajor[0].Version!.Major;
        if (start > 1)
        {
            yield return new CsafFinding(Number, $"{firstOfEachMajor[0].Path}/number", $"the first revision is {firstOfEachMajor[0].Number}, not 0 or 1");
        }
        for (var i = 1; i < firstOfEachMajor.Count; i++)
        {
            var expectedAtMost = start + new BigInteger(i);
            if (firstOfEachMajor[i].Version!.Major > expectedAtMost)
            {
                yield return new CsafFinding(Number, $"{firstOfEachMajor[i].Path}/number",
                    $"revision {firstOfEachMajor[i].Number} comes before any revision numbered {expectedAtMost}");
                yield break;
            }
        }
    }
}
