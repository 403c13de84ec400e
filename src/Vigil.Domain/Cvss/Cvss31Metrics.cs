namespace Vigil.Domain.Cvss;

/// <summary>The metrics of CVSS v3.1 in the order of the specification's vector-string table (section 6).</summary>
public static class Cvss31Metrics
{
    private static readonly string[] Impact = ["H", "L", "N"];
    private static readonly string[] Requirement = ["H", "M", "L"];

    /// <summary>Base, temporal and environmental metrics, in vector-string order.</summary>
    public static IReadOnlyList<CvssMetric> All { get; } =
    [
        CvssMetric.Base("AV", "Attack Vector", "N", "A", "L", "P"),
        CvssMetric.Base("AC", "Attack Complexity", "L", "H"),
        CvssMetric.Base("PR", "Privileges Required", "N", "L", "H"),
        CvssMetric.Base("UI", "User Interaction", "N", "R"),
        CvssMetric.Base("S", "Scope", "U", "C"),
        CvssMetric.Base("C", "Confidentiality", Impact),
        CvssMetric.Base("I", "Integrity", Impact),
        CvssMetric.Base("A", "Availability", Impact),
        CvssMetric.Optional("E", "Exploit Code Maturity", "H", "F", "P", "U"),
        CvssMetric.Optional("RL", "Remediation Level", "U", "W", "T", "O"),
        CvssMetric.Optional("RC", "Report Confidence", "C", "R", "U"),
        CvssMetric.Optional("CR", "Confidentiality Requirement", Requirement),
        CvssMetric.Optional("IR", "Integrity Requirement", Requirement),
        CvssMetric.Optional("AR", "Availability Requirement", Requirement),
        CvssMetric.Optional("MAV", "Modified Attack Vector", "N", "A", "L", "P"),
        CvssMetric.Optional("MAC", "Modified Attack Complexity", "L", "H"),
        CvssMetric.Optional("MPR", "Modified Privileges Required", "N", "L", "H"),
        CvssMetric.Optional("MUI", "Modified User Interaction", "N", "R"),
        CvssMetric.Optional("MS", "Modified Scope", "U", "C"),
        CvssMetric.Optional("MC", "Modified Confidentiality", Impact),
        CvssMetric.Optional("MI", "Modified Integrity", Impact),
        CvssMetric.Optional("MA", "Modified Availability", Impact),
    ];
}
