namespace Vigil.Domain.Cvss;

/// <summary>
/// How far a CVSS v4.0 vector lies below the highest-severity vector of its MacroVector, per equation, measured
/// in the specification's metric levels (0.1 per step of severity).
/// </summary>
internal readonly record struct Cvss40SeverityDistance(double Eq1, double Eq2, double Eq3Eq6, double Eq4)
{
    private static readonly Dictionary<string, Dictionary<string, double>> Levels = new(StringComparer.Ordinal)
    {
        ["AV"] = new() { ["N"] = 0.0, ["A"] = 0.1, ["L"] = 0.2, ["P"] = 0.3 },
        ["PR"] = new() { ["N"] = 0.0, ["L"] = 0.1, ["H"] = 0.2 },
        ["UI"] = new() { ["N"] = 0.0, ["P"] = 0.1, ["A"] = 0.2 },
        ["AC"] = new() { ["L"] = 0.0, ["H"] = 0.1 },
        ["AT"] = new() { ["N"] = 0.0, ["P"] = 0.1 },
        ["VC"] = new() { ["H"] = 0.0, ["L"] = 0.1, ["N"] = 0.2 },
        ["VI"] = new() { ["H"] = 0.0, ["L"] = 0.1, ["N"] = 0.2 },
        ["VA"] = new() { ["H"] = 0.0, ["L"] = 0.1, ["N"] = 0.2 },
        ["SC"] = new() { ["H"] = 0.1, ["L"] = 0.2, ["N"] = 0.3 },
        ["SI"] = new() { ["S"] = 0.0, ["H"] = 0.1, ["L"] = 0.2, ["N"] = 0.3 },
        ["SA"] = new() { ["S"] = 0.0, ["H"] = 0.1, ["L"] = 0.2, ["N"] = 0.3 },
        ["CR"] = new() { ["H"] = 0.0, ["M"] = 0.1, ["L"] = 0.2 },
        ["IR"] = new() { ["H"] = 0.0, ["M"] = 0.1, ["L"] = 0.2 },
        ["AR"] = new() { ["H"] = 0.0, ["M"] = 0.1, ["L"] = 0.2 },
    };

    /// <summary>
    /// Measures from the first highest-severity vector of the MacroVector that the vector does not exceed on any
    /// metric; the candidates are every combination of the per-equation highest vectors, tried in table order.
    /// </summary>
    public static Cvss40SeverityDistance FromHighestVector(Cvss40Vector v, Cvss40MacroVector m)
    {
        foreach (var highest in Candidates(m))
        {
            double D(string key) => Levels[key][v.Effective(key)] - Levels[key][highest[key]];

            if (Levels.Keys.All(key => D(key) >= 0))
            {
                return new Cvss40SeverityDistance(
                    D("AV") + D("PR") + D("UI"),
                    D("AC") + D("AT"),
                    D("VC") + D("VI") + D("VA") + D("CR") + D("IR") + D("AR"),
                    D("SC") + D("SI") + D("SA"));
            }
        }

        throw new InvalidOperationException($"No highest-severity vector of MacroVector {m} lies above the vector.");
    }

    private static IEnumerable<Dictionary<string, string>> Candidates(Cvss40MacroVector m) =>
        from eq1 in Vectors($"eq1:{m.Eq1}")
        from eq2 in Vectors($"eq2:{m.Eq2}")
        from eq3Eq6 in Vectors($"eq3eq6:{m.Eq3}{m.Eq6}")
        from eq4 in Vectors($"eq4:{m.Eq4}")
        select (eq1 + eq2 + eq3Eq6 + eq4).Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split(':'))
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);

    private static string[] Vectors(string key) => Cvss40MacroVectorTables.HighestSeverityVectors[key];
}
