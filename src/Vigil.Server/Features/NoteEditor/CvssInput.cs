using Vigil.Domain.Cvss;
using Vigil.Server.Features.Notes;

namespace Vigil.Server.Features.NoteEditor;

/// <summary>
/// One calculator of the form: the vector box (<c>cvss31</c>, <c>cvss40</c>), the vector the page last showed
/// (<c>cvss31.shown</c>) and a select per base metric (<c>cvss31.AV</c>). Typing changes the box, choosing changes the
/// selects; whichever changed since the page was shown wins, so the form means the same with or without script.
/// </summary>
public static class CvssInput
{
    public static readonly IReadOnlyList<string> Fields = ["cvss31", "cvss40"];

    public static string VersionOf(string field) => field == "cvss40" ? Cvss40Vector.Version : Cvss31Vector.Version;

    public static string FieldOf(string vector) => vector.StartsWith("CVSS:4.0/", StringComparison.Ordinal) ? "cvss40" : "cvss31";

    public static IEnumerable<CvssMetric> BaseMetrics(string field) => CvssExplanation.MetricsOf(VersionOf(field)).Where(m => m.IsMandatory);

    public static string Select(string field, CvssMetric metric) => $"{field}.{metric.Key}";

    /// <summary>The vector the calculator holds: the box when it was edited, else the chosen metrics with the box's other metrics kept.</summary>
    public static string Resolve(NoteEditorForm form, string field)
    {
        var typed = form.Value(field).Trim();
        var chosen = BaseMetrics(field).Select(m => (m.Key, Value: form.Value(Select(field, m)))).Where(c => c.Value.Length > 0).ToList();
        if ((typed.Length > 0 && typed != form.Value(field + ".shown").Trim()) || chosen.Count == 0)
        {
            return typed;
        }
        var values = Pairs(typed, field);
        foreach (var (key, value) in chosen)
        {
            values[key] = value;
        }
        foreach (var metric in BaseMetrics(field).Where(m => !chosen.Any(c => c.Key == m.Key)))
        {
            values.Remove(metric.Key);
        }
        var ordered = CvssExplanation.MetricsOf(VersionOf(field)).Where(m => values.ContainsKey(m.Key)).Select(m => $"{m.Key}:{values[m.Key]}");
        return string.Join('/', ordered.Prepend("CVSS:" + VersionOf(field)));
    }

    /// <summary>Writes the resolved vector back into the box and, when it reads, its metrics into the selects.</summary>
    public static void Settle(NoteEditorForm form)
    {
        foreach (var field in Fields)
        {
            var vector = Resolve(form, field);
            form.Set(field, vector);
            form.Set(field + ".shown", vector);
            if (Evaluate(vector, field) is not null)
            {
                var values = Pairs(vector, field);
                foreach (var metric in BaseMetrics(field))
                {
                    form.Set(Select(field, metric), values.GetValueOrDefault(metric.Key, ""));
                }
            }
        }
    }

    /// <summary>The score of the calculator's vector, when it reads as a vector of its version.</summary>
    public static CvssEvaluation? Evaluate(string vector, string field)
    {
        var evaluated = CvssCalculator.Evaluate(vector);
        return evaluated.IsSuccess && evaluated.Value!.Version == VersionOf(field) ? evaluated.Value : null;
    }

    private static Dictionary<string, string> Pairs(string vector, string field) =>
        vector.StartsWith("CVSS:" + VersionOf(field) + "/", StringComparison.Ordinal)
            ? vector.Split('/').Skip(1).Select(p => p.Split(':', 2)).Where(p => p.Length == 2)
                .GroupBy(p => p[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
}
