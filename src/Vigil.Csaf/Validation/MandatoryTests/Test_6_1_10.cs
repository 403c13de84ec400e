using System.Text.Json;
using Vigil.Csaf.Cvss;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>6.1.10 Inconsistent CVSS: the metric properties given agree with the vector, and so does the version.</summary>
internal sealed class Test_6_1_10 : IMandatoryTest
{
    public string Number => "6.1.10";

    public IEnumerable<CsafFinding> Run(JsonElement document)
    {
        foreach (var (path, cvss) in CsafCvssObjects.Version2(document))
        {
            if (Cvss2Vector.Parse(JsonWalk.String(cvss, "vectorString")) is not { } vector) { continue; }
            foreach (var finding in Compare(path, cvss, CvssJsonMetrics.Version2, CvssJsonMetrics.AbbreviateVersion2, m => vector[m]))
            {
                yield return finding;
            }
        }
        foreach (var (path, cvss) in CsafCvssObjects.Version3(document))
        {
            var text = JsonWalk.String(cvss, "vectorString");
            if (CsafCvssObjects.ReadVersion3(text) is not { IsSuccess: true } read) { continue; }
            if (JsonWalk.String(cvss, "version") is { } version && !text!.StartsWith($"CVSS:{version}/", StringComparison.Ordinal))
            {
                yield return new CsafFinding(Number, $"{path}/version", $"version {version} disagrees with the vector's prefix");
            }
            foreach (var finding in Compare(path, cvss, CvssJsonMetrics.Version3, CvssJsonMetrics.AbbreviateVersion3, m => read.Value[m]))
            {
                yield return finding;
            }
        }
    }

    private IEnumerable<CsafFinding> Compare(
        string path, JsonElement cvss, IReadOnlyDictionary<string, string> metrics, Func<string, string> abbreviate, Func<string, string> vectorValue)
    {
        foreach (var (property, metric) in metrics)
        {
            if (JsonWalk.String(cvss, property) is not { Length: > 0 } given) { continue; }
            var inVector = vectorValue(metric);
            if (abbreviate(given) != inVector)
            {
                yield return new CsafFinding(Number, $"{path}/{property}", $"{property} is {given}, the vector says {metric}:{inVector}");
            }
        }
    }
}
