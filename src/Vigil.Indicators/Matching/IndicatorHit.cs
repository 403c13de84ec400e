namespace Vigil.Indicators.Matching;

/// <summary>An indicator found in an artefact.</summary>
/// <param name="Indicator">The indicator, with its collections.</param>
/// <param name="Observed">What was seen that matched (for an indicator needing several values, the last of them).</param>
/// <param name="Location">Where it was seen.</param>
public sealed record IndicatorHit(CatalogedIndicator Indicator, Observable Observed, ArtefactLocation Location)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Location}: {Observed} matches {Indicator.Pattern}" +
        (Indicator.Collections.Count == 0 ? "" : $" ({string.Join(", ", Indicator.Collections.Select(c => c.Name))})");
}

/// <summary>Where in an artefact something was seen.</summary>
/// <param name="Artefact">The artefact: a file path, an entry inside an archive, or a file inside a backup.</param>
/// <param name="Section">The part of the artefact, for example a table and column or a JSON property path; null for plain text.</param>
/// <param name="Unit">What <paramref name="Number"/> counts: <c>line</c>, <c>row</c> or <c>record</c>.</param>
/// <param name="Number">The one-based line, row id or record number.</param>
public sealed record ArtefactLocation(string Artefact, string? Section, string Unit, long Number)
{
    /// <inheritdoc />
    public override string ToString() => Section is null ? $"{Artefact} {Unit} {Number}" : $"{Artefact} {Section} {Unit} {Number}";
}
