namespace Vigil.Domain.Cvss;

/// <summary>The qualitative severity rating scale shared by CVSS v3.1 (section 5) and v4.0.</summary>
public enum CvssSeverity
{
    /// <summary>Score 0.0.</summary>
    None,

    /// <summary>Score 0.1 to 3.9.</summary>
    Low,

    /// <summary>Score 4.0 to 6.9.</summary>
    Medium,

    /// <summary>Score 7.0 to 8.9.</summary>
    High,

    /// <summary>Score 9.0 to 10.0.</summary>
    Critical,
}

/// <summary>Maps a score to its rating.</summary>
public static class CvssSeverityScale
{
    /// <summary>The rating of a score already rounded to one decimal, as both versions publish scores.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The score is outside 0.0 to 10.0.</exception>
    public static CvssSeverity Rate(double score) => score switch
    {
        < 0 or > 10 => throw new ArgumentOutOfRangeException(nameof(score), score, "A CVSS score lies between 0.0 and 10.0."),
        0 => CvssSeverity.None,
        < 4.0 => CvssSeverity.Low,
        < 7.0 => CvssSeverity.Medium,
        < 9.0 => CvssSeverity.High,
        _ => CvssSeverity.Critical,
    };

    /// <summary>The upper-case name used in CVSS JSON and CSAF (<c>NONE</c>, <c>LOW</c>, ... <c>CRITICAL</c>).</summary>
    public static string ToCsafName(this CvssSeverity severity) => severity switch
    {
        CvssSeverity.None => "NONE",
        CvssSeverity.Low => "LOW",
        CvssSeverity.Medium => "MEDIUM",
        CvssSeverity.High => "HIGH",
        CvssSeverity.Critical => "CRITICAL",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };
}
