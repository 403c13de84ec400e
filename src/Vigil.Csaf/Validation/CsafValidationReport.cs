namespace Vigil.Csaf.Validation;

/// <summary>The outcome of checking one CSAF document against the schema and every mandatory test.</summary>
/// <param name="Findings">Every failed check, in the order the checks ran; empty when the document is valid.</param>
public sealed record CsafValidationReport(IReadOnlyList<CsafFinding> Findings)
{
    /// <summary>Whether the document passed the schema and every mandatory test.</summary>
    public bool IsValid => Findings.Count == 0;

    /// <summary>The distinct numbers of the checks that failed, in the order they first failed.</summary>
    public IReadOnlyList<string> FailedTests => Findings.Select(f => f.Test).Distinct(StringComparer.Ordinal).ToList();
}
