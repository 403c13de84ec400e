using System.Text.Json;
using Vigil.Csaf.Cvss;
using Vigil.Domain.Cvss;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.9 Invalid CVSS computation: the scores and severities given match those computed from the vector.</summary>
/// <remarks>v3.0 vectors are scored with the v3.1 equations; their base and temporal equations are the same, the
/// environmental one is not, so a v3.0 environmental score is not recomputed.</remarks>
internal sealed class Test_6_1_9 : IMandatoryTest
{
    public string Number => "6.1.9";

    public IEnumerable<CsafFinding> Run(JsonElement document)
    {
        foreach (var (path, cvss) in CsafCvssObjects.Version2(document))
        {
            if (Cvss2Vector.Parse(JsonWalk.String(cvss, "vectorString")) is not { } vector) { continue; }
            var computed = new (string, double)[]
            {
                ("baseScore", vector.BaseScore), ("temporalScore", vector.TemporalScore), ("environmentalScore", vector.EnvironmentalScore),
            };
            foreach (var finding in Compare(path, cvss, computed, [])) { yield return finding; }
        }
        foreach (var (path, cvss) in CsafCvssObjects.Version3(document))
        {
            if (CsafCvssObjects.ReadVersion3(JsonWalk.String(cvss, "vectorString")) is not { IsSuccess: true } read) { continue; }
            var scores = read.Value.Scores;
            var isVersion31 = JsonWalk.String(cvss, "version") == "3.1";
            var numbers = new List<(string, double)> { ("baseScore", scores.Base), ("temporalScore", scores.Temporal) };
            var severities = new List<(string, string)> { ("baseSeverity", scores.BaseSeverity.ToCsafName()), ("temporalSeverity", scores.TemporalSeverity.ToCsafName()) };
            if (isVersion31)
            {
                numbers.Add(("environmentalScore", scores.Environmental));
                severities.Add(("environmentalSeverity", scores.EnvironmentalSeverity.ToCsafName()));
            }
            foreach (var finding in Compare(path, cvss, numbers, severities)) { yield return finding; }
        }
    }

    private IEnumerable<CsafFinding> Compare(string path, JsonElement cvss, IEnumerable<(string Name, double Value)> numbers, IEnumerable<(string Name, string Value)> severities)
    {
        foreach (var (name, expected) in numbers)
        {
            if (CsafCvssObjects.Number(cvss, name) is { } given && Math.Abs(given - expected) > 0.001)
            {
                yield return new CsafFinding(Number, $"{path}/{name}", $"{name} is {given}, the vector gives {expected}");
            }
        }
        foreach (var (name, expected) in severities)
        {
            if (JsonWalk.String(cvss, name) is { } given && given != expected)
            {
                yield return new CsafFinding(Number, $"{path}/{name}", $"{name} is {given}, the vector gives {expected}");
            }
        }
    }
}
