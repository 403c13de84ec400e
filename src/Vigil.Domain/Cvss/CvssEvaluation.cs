namespace Vigil.Domain.Cvss;

/// <summary>
/// What Vigil publishes about one CVSS vector, whatever its version: the normalised vector, its headline score
/// and rating, and the version-specific extras. This is the shape the CLI prints and the API returns.
/// </summary>
/// <param name="Version"><c>3.1</c> or <c>4.0</c>.</param>
/// <param name="Vector">The vector with its metrics in the specification's order.</param>
/// <param name="Score">v3.1: the base score; v4.0: the score of the whole vector (see <paramref name="Nomenclature"/>).</param>
/// <param name="Severity">The rating of <paramref name="Score"/>.</param>
/// <param name="TemporalScore">v3.1 only: the temporal score (the base score when no temporal metric is set).</param>
/// <param name="EnvironmentalScore">v3.1 only: the environmental score.</param>
/// <param name="Nomenclature">v4.0 only: CVSS-B, CVSS-BT, CVSS-BE or CVSS-BTE, naming what the score covers.</param>
public sealed record CvssEvaluation(
    string Version,
    string Vector,
    double Score,
    CvssSeverity Severity,
    double? TemporalScore = null,
    double? EnvironmentalScore = null,
    string? Nomenclature = null);

/// <summary>Evaluates a vector of any supported version, choosing the version from its prefix.</summary>
public static class CvssCalculator
{
    /// <summary>Parses and scores a CVSS v3.1 or v4.0 vector, or names the metric that makes it invalid.</summary>
    public static CvssParseResult<CvssEvaluation> Evaluate(string? vector)
    {
        if (vector is not null && vector.StartsWith($"CVSS:{Cvss31Vector.Version}/", StringComparison.Ordinal))
        {
            var v31 = Cvss31Vector.Parse(vector);
            if (!v31.IsSuccess)
            {
                return CvssParseResult<CvssEvaluation>.Failure(v31.Error);
            }

            var scores = v31.Value.Scores;
            return CvssParseResult<CvssEvaluation>.Success(new CvssEvaluation(
                Cvss31Vector.Version, v31.Value.ToString(), scores.Base, scores.BaseSeverity, scores.Temporal, scores.Environmental));
        }

        if (vector is not null && vector.StartsWith($"CVSS:{Cvss40Vector.Version}/", StringComparison.Ordinal))
        {
            var v40 = Cvss40Vector.Parse(vector);
            return v40.IsSuccess
                ? CvssParseResult<CvssEvaluation>.Success(new CvssEvaluation(
                    Cvss40Vector.Version, v40.Value.ToString(), v40.Value.Score, v40.Value.Severity, Nomenclature: v40.Value.Nomenclature))
                : CvssParseResult<CvssEvaluation>.Failure(v40.Error);
        }

        return CvssParseResult<CvssEvaluation>.Failure(
            CvssVectorReader.PrefixMetric, "A vector starts with \"CVSS:3.1/\" or \"CVSS:4.0/\"; other versions are not supported.");
    }
}
