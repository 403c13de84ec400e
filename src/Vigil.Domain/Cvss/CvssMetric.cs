namespace Vigil.Domain.Cvss;

/// <summary>One metric of a CVSS version: its abbreviation, its name, and the values a vector may give it.</summary>
/// <param name="Key">The abbreviation used in vector strings, such as <c>AV</c>.</param>
/// <param name="Name">The name the specification gives it, such as <c>Attack Vector</c>.</param>
/// <param name="IsMandatory">True for base metrics, which every vector must carry.</param>
/// <param name="Values">The allowed value abbreviations; for optional metrics the first is <c>X</c> (Not Defined).</param>
public sealed record CvssMetric(string Key, string Name, bool IsMandatory, IReadOnlyList<string> Values)
{
    /// <summary>The value a vector that omits this metric stands for: <c>X</c> for optional metrics.</summary>
    public string? Default => IsMandatory ? null : "X";

    internal static CvssMetric Base(string key, string name, params string[] values) => new(key, name, true, values);

    internal static CvssMetric Optional(string key, string name, params string[] values) => new(key, name, false, ["X", .. values]);
}
