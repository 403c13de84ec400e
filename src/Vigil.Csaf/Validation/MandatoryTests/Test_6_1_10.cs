using System.Text.Json;
using Vigil.Csaf.Cvss;

namespace Vigil.Csaf.Validation.MandatoryTests;

/// <summary>
/// 6.1.10 Inconsistent CVSS: the metric properties given agree with the vector, and so does the version. Only the
/// metrics the vector gives are compared: a metric the vector leaves out says nothing the JSON could contradict (the
/// TC's documents for optional test 6.2.19 give modified impacts beside a base-only vector and are valid).
/// </summary>
internal sealed class Test_6_1_10 : IMandatoryTest
{
    public string Number => "6.1.10";

    public IEnumerable<CsafFinding> Run(JsonElement document)
    {
        foreach (var (path, cvss) in CsafCvssObjects.Version2(document))
        {
            if (Cvss2Vector.Parse(JsonWalk.String(cvss, "vectorString")) is not { } vector) { continue; }
            foreach (var finding in Compare(path, cvss, CvssJsonMetrics.Version2, CvssJsonMetrics.AbbreviateVersion2, m => vector[m], GivenMetrics(JsonWalk.String(cvss, "vectorString")!)))
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
            foreach (var finding in Compare(path, cvss, CvssJsonMetrics.Version3, CvssJsonMetrics.AbbreviateVersion3, m => read.Value[m], GivenMetrics(text!)))
            {
                yield return finding;
            }
        }
    }

    private IEnumerable<CsafFinding> Compare(
        string path, JsonElement cvss, IReadOnlyDictionary<string, string> metrics, Func<string, string> abbreviate, Func<string, string> vectorValue,
        IReadOnlySet<string> given)
    {
        foreach (var (property, metric) in metrics.Where(m => given.Contains(m.Value)))
        {
            if (JsonWalk.String(cvss, property) is not { Length: > 0 } value) { continue; }
            var inVector = vectorValue(metric);
            if (abbreviate(value) != inVector)
            {
                yield return new CsafFinding(Number, $"{path}/{property}", $"{property} is {value}, the vector says {metric}:{inVector}");
            }
        }
    }

    /// <summary>The metrics a vector writes (<c>AV</c>, <c>MC</c>...), its <c>CVSS:3.x</c> prefix aside.</summary>
    private static HashSet<string> GivenMetrics(string vector) =>
        [.. vector.Split('/').Select(part => part.Split(':')[0]).Where(metric => metric != "CVSS")];
}
