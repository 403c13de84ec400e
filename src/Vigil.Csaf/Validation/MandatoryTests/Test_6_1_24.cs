using System.Text.Json;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.24 Multiple Definition in Involvements: a vulnerability has one involvement per party and date.</summary>
internal sealed class Test_6_1_24 : IMandatoryTest
{
    public string Number => "6.1.24";

    public IEnumerable<CsafFinding> Run(JsonElement document)
    {
        foreach (var (path, vulnerability) in JsonWalk.Select(document, "/vulnerabilities[]"))
        {
            var duplicates = JsonWalk.Select(vulnerability, path, "/involvements[]")
                .GroupBy(i => (JsonWalk.String(i.Value, "party"), JsonWalk.String(i.Value, "date")))
                .SelectMany(same => same.Skip(1));
            foreach (var (involvementPath, involvement) in duplicates)
            {
                yield return new CsafFinding(Number, involvementPath,
                    $"party {JsonWalk.String(involvement, "party")} has more than one involvement dated {JsonWalk.String(involvement, "date") ?? "(none)"}");
            }
        }
    }
}
