namespace Vigil.Domain.Cvss;

/// <summary>
/// The CVSS v4.0 score by the MacroVector method (specification, section 8.2): take the expert score of the
/// vector's MacroVector, then move down towards the next lower MacroVector of each equation in proportion to how
/// far the vector lies below the highest-severity vectors of its own class, and average those moves.
/// </summary>
internal static class Cvss40Scoring
{
    private const double Step = 0.1;
    private static readonly string[] ImpactKeys = ["VC", "VI", "VA", "SC", "SI", "SA"];

    public static double Score(Cvss40Vector v)
    {
        // No impact on any system scores zero whatever else is set; the tables alone would not give zero.
        if (ImpactKeys.All(k => v.Effective(k) == "N"))
        {
            return 0;
        }

        var macro = Cvss40MacroVector.Of(v);
        var value = Cvss40MacroVectorTables.Scores[macro.ToString()];
        var distances = Cvss40SeverityDistance.FromHighestVector(v, macro);

        var moves = new[]
        {
            Move(value, Lookup(macro with { Eq1 = macro.Eq1 + 1 }), distances.Eq1, Depth($"eq1:{macro.Eq1}")),
            Move(value, Lookup(macro with { Eq2 = macro.Eq2 + 1 }), distances.Eq2, Depth($"eq2:{macro.Eq2}")),
            Move(value, NextLowerEq3Eq6(macro), distances.Eq3Eq6, Depth($"eq3eq6:{macro.Eq3}{macro.Eq6}")),
            Move(value, Lookup(macro with { Eq4 = macro.Eq4 + 1 }), distances.Eq4, Depth($"eq4:{macro.Eq4}")),

            // EQ5 (exploit maturity) has one value per class, so a vector is never partway down it.
            Move(value, Lookup(macro with { Eq5 = macro.Eq5 + 1 }), 0, Depth($"eq5:{macro.Eq5}")),
        }.OfType<double>().ToArray();

        var mean = moves.Length == 0 ? 0 : moves.Average();
        return RoundToTenth(Math.Clamp(value - mean, 0, 10));
    }

    /// <summary>
    /// How far down towards the next lower MacroVector this vector sits, or null when there is no lower
    /// MacroVector for the equation (the vector is then in the least severe class and that equation does not vote).
    /// </summary>
    private static double? Move(double value, double? lower, double distance, double depth) =>
        lower is { } next ? (value - next) * (distance / depth) : null;

    private static double Depth(string key) => Cvss40MacroVectorTables.ClassDepths[key] * Step;

    private static double? Lookup(Cvss40MacroVector macro) =>
        Cvss40MacroVectorTables.Scores.TryGetValue(macro.ToString(), out var score) ? score : null;

    /// <summary>
    /// EQ3 and EQ6 are scored together. From (0,0) there are two lower neighbours, (0,1) and (1,0), and the
    /// higher-scoring one is the next step down; from the others one neighbour is defined by the tables' shape.
    /// </summary>
    private static double? NextLowerEq3Eq6(Cvss40MacroVector m) => (m.Eq3, m.Eq6) switch
    {
        (0, 0) => Max(Lookup(m with { Eq6 = 1 }), Lookup(m with { Eq3 = 1 })),
        (1, 0) => Lookup(m with { Eq6 = 1 }),
        _ => Lookup(m with { Eq3 = m.Eq3 + 1 }),
    };

    private static double? Max(double? a, double? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    /// <summary>Half-up rounding to one decimal; the small nudge absorbs binary noise such as 6.449999999.</summary>
    private static double RoundToTenth(double value) =>
        Math.Round((value * 10) + 1e-9, MidpointRounding.AwayFromZero) / 10;
}
