namespace Vigil.Csaf.Cvss;

/// <summary>How the properties of FIRST's CVSS JSON objects map to vector metrics and their abbreviated values.</summary>
internal static class CvssJsonMetrics
{
    /// <summary>The v3.x properties and their metrics.</summary>
    public static readonly IReadOnlyDictionary<string, string> Version3 = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["attackVector"] = "AV", ["attackComplexity"] = "AC", ["privilegesRequired"] = "PR", ["userInteraction"] = "UI",
        ["scope"] = "S", ["confidentialityImpact"] = "C", ["integrityImpact"] = "I", ["availabilityImpact"] = "A",
        ["exploitCodeMaturity"] = "E", ["remediationLevel"] = "RL", ["reportConfidence"] = "RC",
        ["confidentialityRequirement"] = "CR", ["integrityRequirement"] = "IR", ["availabilityRequirement"] = "AR",
        ["modifiedAttackVector"] = "MAV", ["modifiedAttackComplexity"] = "MAC", ["modifiedPrivilegesRequired"] = "MPR",
        ["modifiedUserInteraction"] = "MUI", ["modifiedScope"] = "MS", ["modifiedConfidentialityImpact"] = "MC",
        ["modifiedIntegrityImpact"] = "MI", ["modifiedAvailabilityImpact"] = "MA",
    };

    /// <summary>The v2.0 properties and their metrics.</summary>
    public static readonly IReadOnlyDictionary<string, string> Version2 = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["accessVector"] = "AV", ["accessComplexity"] = "AC", ["authentication"] = "Au", ["confidentialityImpact"] = "C",
        ["integrityImpact"] = "I", ["availabilityImpact"] = "A", ["exploitability"] = "E", ["remediationLevel"] = "RL",
        ["reportConfidence"] = "RC", ["collateralDamagePotential"] = "CDP", ["targetDistribution"] = "TD",
        ["confidentialityRequirement"] = "CR", ["integrityRequirement"] = "IR", ["availabilityRequirement"] = "AR",
    };

    private static readonly Dictionary<string, string> Version2Specials = new(StringComparer.Ordinal)
    {
        ["ADJACENT_NETWORK"] = "A", ["PROOF_OF_CONCEPT"] = "POC", ["NOT_DEFINED"] = "ND", ["UNCONFIRMED"] = "UC",
        ["UNCORROBORATED"] = "UR", ["OFFICIAL_FIX"] = "OF", ["TEMPORARY_FIX"] = "TF", ["LOW_MEDIUM"] = "LM", ["MEDIUM_HIGH"] = "MH",
    };

    /// <summary>A v3.x JSON value as the vector writes it: its first letter, or <c>X</c> for <c>NOT_DEFINED</c>.</summary>
    public static string AbbreviateVersion3(string value) => value == "NOT_DEFINED" ? "X" : value[..1];

    /// <summary>A v2.0 JSON value as the vector writes it.</summary>
    public static string AbbreviateVersion2(string value) => Version2Specials.TryGetValue(value, out var special) ? special : value[..1];
}
