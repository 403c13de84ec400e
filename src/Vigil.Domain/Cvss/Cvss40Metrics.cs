namespace Vigil.Domain.Cvss;

/// <summary>The metrics of CVSS v4.0 in the order of the specification's vector-string table (section 7).</summary>
public static class Cvss40Metrics
{
    private static readonly string[] Impact = ["H", "L", "N"];
    private static readonly string[] Requirement = ["H", "M", "L"];

    /// <summary>Base, threat, environmental and supplemental metrics, in vector-string order.</summary>
    public static IReadOnlyList<CvssMetric> All { get; } =
    [
        CvssMetric.Base("AV", "Attack Vector", "N", "A", "L", "P"),
        CvssMetric.Base("AC", "Attack Complexity", "L", "H"),
        CvssMetric.Base("AT", "Attack Requirements", "N", "P"),
        CvssMetric.Base("PR", "Privileges Required", "N", "L", "H"),
        CvssMetric.Base("UI", "User Interaction", "N", "P", "A"),
        CvssMetric.Base("VC", "Vulnerable System Confidentiality", Impact),
        CvssMetric.Base("VI", "Vulnerable System Integrity", Impact),
        CvssMetric.Base("VA", "Vulnerable System Availability", Impact),
        CvssMetric.Base("SC", "Subsequent System Confidentiality", Impact),
        CvssMetric.Base("SI", "Subsequent System Integrity", Impact),
        CvssMetric.Base("SA", "Subsequent System Availability", Impact),
        CvssMetric.Optional("E", "Exploit Maturity", "A", "P", "U"),
        CvssMetric.Optional("CR", "Confidentiality Requirement", Requirement),
        CvssMetric.Optional("IR", "Integrity Requirement", Requirement),
        CvssMetric.Optional("AR", "Availability Requirement", Requirement),
        CvssMetric.Optional("MAV", "Modified Attack Vector", "N", "A", "L", "P"),
        CvssMetric.Optional("MAC", "Modified Attack Complexity", "L", "H"),
        CvssMetric.Optional("MAT", "Modified Attack Requirements", "N", "P"),
        CvssMetric.Optional("MPR", "Modified Privileges Required", "N", "L", "H"),
        CvssMetric.Optional("MUI", "Modified User Interaction", "N", "P", "A"),
        CvssMetric.Optional("MVC", "Modified Vulnerable System Confidentiality", Impact),
        CvssMetric.Optional("MVI", "Modified Vulnerable System Integrity", Impact),
        CvssMetric.Optional("MVA", "Modified Vulnerable System Availability", Impact),
        CvssMetric.Optional("MSC", "Modified Subsequent System Confidentiality", Impact),
        CvssMetric.Optional("MSI", "Modified Subsequent System Integrity", "S", "H", "L", "N"),
        CvssMetric.Optional("MSA", "Modified Subsequent System Availability", "S", "H", "L", "N"),
        CvssMetric.Optional("S", "Safety", "N", "P"),
        CvssMetric.Optional("AU", "Automatable", "N", "Y"),
        CvssMetric.Optional("R", "Recovery", "A", "U", "I"),
        CvssMetric.Optional("V", "Value Density", "D", "C"),
        CvssMetric.Optional("RE", "Vulnerability Response Effort", "L", "M", "H"),
        CvssMetric.Optional("U", "Provider Urgency", "Clear", "Green", "Amber", "Red"),
    ];
}
