namespace Vigil.Domain.Cvss;

/// <summary>
/// The three CVSS v3.1 scores. The temporal score equals the base score when no temporal metric is set, and the
/// environmental score is always computed, with each unset modified metric taking its base value.
/// </summary>
/// <param name="Base">The base score.</param>
/// <param name="Temporal">The temporal score.</param>
/// <param name="Environmental">The environmental score.</param>
/// <param name="Impact">The base impact sub-score, unrounded.</param>
/// <param name="Exploitability">The base exploitability sub-score, unrounded.</param>
public sealed record Cvss31Scores(double Base, double Temporal, double Environmental, double Impact, double Exploitability)
{
    /// <summary>The rating of the base score.</summary>
    public CvssSeverity BaseSeverity => CvssSeverityScale.Rate(Base);

    /// <summary>The rating of the temporal score.</summary>
    public CvssSeverity TemporalSeverity => CvssSeverityScale.Rate(Temporal);

    /// <summary>The rating of the environmental score.</summary>
    public CvssSeverity EnvironmentalSeverity => CvssSeverityScale.Rate(Environmental);
}
