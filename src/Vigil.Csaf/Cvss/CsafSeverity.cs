using System.Text.Json;
using Vigil.Csaf.Validation;
using Vigil.Domain.Cvss;

namespace Vigil.Csaf.Cvss;

/// <summary>
/// How severe a CSAF document says its vulnerabilities are, for a list or an answer that shows one word: the highest
/// CVSS base severity of any score (CSAF 2.0 <c>/vulnerabilities[]/scores[]</c>, v3.x and v2.0; CSAF 2.1
/// <c>/vulnerabilities[]/metrics[]/content</c>, v4.0 too), else the document's <c>aggregate_severity</c> text.
/// </summary>
public static class CsafSeverity
{
    private static readonly string[] ScorePaths = ["/vulnerabilities[]/scores[]", "/vulnerabilities[]/metrics[]/content"];

    /// <summary>The document's severity: <c>critical</c>, <c>high</c>, <c>medium</c>, <c>low</c> or <c>none</c> from CVSS, else the aggregate text as written.</summary>
    /// <param name="document">The document's root.</param>
    /// <returns>The severity, or null when the document gives neither a score nor an aggregate severity.</returns>
    public static string? Of(JsonElement document)
    {
        var ratings = ScorePaths.SelectMany(path => JsonWalk.Select(document, path))
            .Where(s => s.Value.ValueKind == JsonValueKind.Object)
            .SelectMany(s => Ratings(s.Value)).ToList();
        if (ratings.Count > 0)
        {
            return ratings.Max().ToCsafName().ToLowerInvariant();
        }
        return JsonWalk.Select(document, "/document/aggregate_severity/text")
            .Select(t => t.Value.ValueKind == JsonValueKind.String ? t.Value.GetString() : null)
            .FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));
    }

    private static IEnumerable<CvssSeverity> Ratings(JsonElement score)
    {
        foreach (var version in new[] { "cvss_v4", "cvss_v3" })
        {
            if (score.TryGetProperty(version, out var cvss) && cvss.ValueKind == JsonValueKind.Object && Rated(cvss) is { } rating)
            {
                yield return rating;
            }
        }
        if (score.TryGetProperty("cvss_v2", out var v2) && v2.ValueKind == JsonValueKind.Object && CsafCvssObjects.Number(v2, "baseScore") is { } v2Score
            && v2Score is >= 0 and <= 10)
        {
            yield return Version2(v2Score);
        }
    }

    /// <summary>v3.x and v4.0 give <c>baseSeverity</c> (required by their schemas); the base score says it otherwise.</summary>
    private static CvssSeverity? Rated(JsonElement cvss)
    {
        if (JsonWalk.String(cvss, "baseSeverity") is { } named && Enum.TryParse<CvssSeverity>(named, ignoreCase: true, out var severity)
            && Enum.IsDefined(severity) && !int.TryParse(named, out _))
        {
            return severity;
        }
        return CsafCvssObjects.Number(cvss, "baseScore") is { } score and >= 0 and <= 10 ? CvssSeverityScale.Rate(score) : null;
    }

    /// <summary>CVSS v2.0 has no rating of its own; NVD's ranges are the common one: below 4.0 low, below 7.0 medium, else high.</summary>
    private static CvssSeverity Version2(double score) => score switch
    {
        < 4.0 => CvssSeverity.Low,
        < 7.0 => CvssSeverity.Medium,
        _ => CvssSeverity.High,
    };
}
