using Microsoft.Extensions.Localization;
using Vigil.Domain.Cvss;

namespace Vigil.Server.Features.Notes;

/// <summary>
/// A CVSS vector metric by metric, in the specification's order, each with its name and the meaning of the value it
/// was given, from <see cref="CvssText"/>. Names are looked up for the version first ("Name_31_S" is Scope, "Name_40_S"
/// Safety), then shared ("Name_AV"); a modified metric is "Modified" and its base metric's name. Values likewise
/// ("Value_40_UI_P", "Value_PR_N"), then by family: the three impact metrics of each system share "Value_Impact_H",
/// the security requirements "Value_Requirement_H"; X is "Value_X", not defined.
/// </summary>
public static class CvssExplanation
{
    public sealed record Line(string Key, string Value, string Name, string Meaning, bool IsBase);

    private static readonly HashSet<string> Impacts = ["C", "I", "A", "VC", "VI", "VA", "SC", "SI", "SA"];
    private static readonly HashSet<string> Requirements = ["CR", "IR", "AR"];

    public static IReadOnlyList<CvssMetric> MetricsOf(string version) => version == Cvss40Vector.Version ? Cvss40Metrics.All : Cvss31Metrics.All;

    public static IReadOnlyList<Line> Explain(CvssEvaluation evaluation, IStringLocalizer<CvssText> text)
    {
        var given = evaluation.Vector.Split('/').Skip(1).Select(part => part.Split(':', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        return [.. MetricsOf(evaluation.Version).Where(m => given.ContainsKey(m.Key))
            .Select(m => new Line(m.Key, given[m.Key], Name(evaluation.Version, m.Key, text), Meaning(evaluation.Version, m.Key, given[m.Key], text), m.IsMandatory))];
    }

    public static string Name(string version, string key, IStringLocalizer<CvssText> text)
    {
        if (Find(text, $"Name_{Short(version)}_{key}", $"Name_{key}") is { } name)
        {
            return name;
        }
        return BaseOf(version, key) is { } basis ? text["Modified", Name(version, basis, text)] : key;
    }

    public static string Meaning(string version, string key, string value, IStringLocalizer<CvssText> text)
    {
        if (value == "X")
        {
            return text["Value_X"];
        }
        var metric = BaseOf(version, key) ?? key;
        var family = Impacts.Contains(metric) ? "Impact" : Requirements.Contains(metric) ? "Requirement" : null;
        return Find(text, $"Value_{Short(version)}_{metric}_{value}", $"Value_{metric}_{value}", family is null ? null : $"Value_{family}_{value}") ?? value;
    }

    /// <summary>The base metric a modified (environmental) metric stands in for: MAV for AV, MSI for SI.</summary>
    private static string? BaseOf(string version, string key) =>
        key.Length > 1 && key[0] == 'M' && MetricsOf(version).Any(m => m.Key == key[1..] && m.IsMandatory) ? key[1..] : null;

    private static string Short(string version) => version.Replace(".", "", StringComparison.Ordinal);

    private static string? Find(IStringLocalizer<CvssText> text, params string?[] names) =>
        names.OfType<string>().Select(name => text[name]).FirstOrDefault(found => !found.ResourceNotFound)?.Value;
}
