namespace Vigil.Domain.Cvss;

/// <summary>The CVSS v3.1 equations (specification, section 7) with the metric weights of section 7.4.</summary>
internal static class Cvss31Scoring
{
    private const double ExploitabilityCoefficient = 8.22;
    private const double ScopeChangedCoefficient = 1.08;

    public static Cvss31Scores Score(Cvss31Vector v)
    {
        var scopeChanged = v["S"] == "C";
        var iss = 1 - ((1 - Impact(v["C"])) * (1 - Impact(v["I"])) * (1 - Impact(v["A"])));
        var impact = scopeChanged
            ? (7.52 * (iss - 0.029)) - (3.25 * Math.Pow(iss - 0.02, 15))
            : 6.42 * iss;
        var exploitability = ExploitabilityCoefficient * AttackVector(v["AV"]) * AttackComplexity(v["AC"])
            * PrivilegesRequired(v["PR"], scopeChanged) * UserInteraction(v["UI"]);
        var baseScore = impact <= 0 ? 0 : Cvss31Roundup.Apply(Math.Min(
            (scopeChanged ? ScopeChangedCoefficient : 1) * (impact + exploitability), 10));

        var temporalFactor = ExploitMaturity(v["E"]) * RemediationLevel(v["RL"]) * ReportConfidence(v["RC"]);
        var temporal = Cvss31Roundup.Apply(baseScore * temporalFactor);
        return new Cvss31Scores(baseScore, temporal, Environmental(v, temporalFactor), impact, exploitability);
    }

    private static double Environmental(Cvss31Vector v, double temporalFactor)
    {
        var scopeChanged = Modified(v, "S") == "C";
        var miss = Math.Min(
            1 - ((1 - (Requirement(v["CR"]) * Impact(Modified(v, "C"))))
                * (1 - (Requirement(v["IR"]) * Impact(Modified(v, "I"))))
                * (1 - (Requirement(v["AR"]) * Impact(Modified(v, "A"))))),
            0.915);

        // The changed-scope modified impact differs from the base one (0.9731 and exponent 13): a v3.1 correction.
        var impact = scopeChanged
            ? (7.52 * (miss - 0.029)) - (3.25 * Math.Pow((miss * 0.9731) - 0.02, 13))
            : 6.42 * miss;
        var exploitability = ExploitabilityCoefficient * AttackVector(Modified(v, "AV")) * AttackComplexity(Modified(v, "AC"))
            * PrivilegesRequired(Modified(v, "PR"), scopeChanged) * UserInteraction(Modified(v, "UI"));
        if (impact <= 0)
        {
            return 0;
        }

        var capped = Cvss31Roundup.Apply(Math.Min((scopeChanged ? ScopeChangedCoefficient : 1) * (impact + exploitability), 10));
        return Cvss31Roundup.Apply(capped * temporalFactor);
    }

    /// <summary>A modified metric's value, falling back to its base metric when Not Defined.</summary>
    private static string Modified(Cvss31Vector v, string baseKey) =>
        v["M" + baseKey] is var modified && modified != "X" ? modified : v[baseKey];

    private static double AttackVector(string value) => value switch
    {
        "N" => 0.85, "A" => 0.62, "L" => 0.55, _ => 0.2,
    };

    private static double AttackComplexity(string value) => value == "L" ? 0.77 : 0.44;

    private static double PrivilegesRequired(string value, bool scopeChanged) => value switch
    {
        "N" => 0.85, "L" => scopeChanged ? 0.68 : 0.62, _ => scopeChanged ? 0.5 : 0.27,
    };

    private static double UserInteraction(string value) => value == "N" ? 0.85 : 0.62;

    private static double Impact(string value) => value switch
    {
        "H" => 0.56, "L" => 0.22, _ => 0,
    };

    private static double ExploitMaturity(string value) => value switch
    {
        "F" => 0.97, "P" => 0.94, "U" => 0.91, _ => 1,
    };

    private static double RemediationLevel(string value) => value switch
    {
        "W" => 0.97, "T" => 0.96, "O" => 0.95, _ => 1,
    };

    private static double ReportConfidence(string value) => value switch
    {
        "R" => 0.96, "U" => 0.92, _ => 1,
    };

    private static double Requirement(string value) => value switch
    {
        "H" => 1.5, "L" => 0.5, _ => 1,
    };
}
