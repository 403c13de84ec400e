namespace Vigil.Csaf.Cvss;

/// <summary>A CVSS v2.0 vector (<c>AV:N/AC:L/Au:N/C:P/I:P/A:P</c>) and its scores (CVSS v2 guide, section 3.2).</summary>
internal sealed class Cvss2Vector
{
    private static readonly string[] BaseMetrics = ["AV", "AC", "Au", "C", "I", "A"];
    private static readonly Dictionary<string, Dictionary<string, double>> Weights = new(StringComparer.Ordinal)
    {
        ["AV"] = new() { ["L"] = 0.395, ["A"] = 0.646, ["N"] = 1.0 },
        ["AC"] = new() { ["H"] = 0.35, ["M"] = 0.61, ["L"] = 0.71 },
        ["Au"] = new() { ["M"] = 0.45, ["S"] = 0.56, ["N"] = 0.704 },
        ["C"] = new() { ["N"] = 0, ["P"] = 0.275, ["C"] = 0.660 },
        ["I"] = new() { ["N"] = 0, ["P"] = 0.275, ["C"] = 0.660 },
        ["A"] = new() { ["N"] = 0, ["P"] = 0.275, ["C"] = 0.660 },
        ["E"] = new() { ["U"] = 0.85, ["POC"] = 0.9, ["F"] = 0.95, ["H"] = 1, ["ND"] = 1 },
        ["RL"] = new() { ["OF"] = 0.87, ["TF"] = 0.90, ["W"] = 0.95, ["U"] = 1, ["ND"] = 1 },
        ["RC"] = new() { ["UC"] = 0.90, ["UR"] = 0.95, ["C"] = 1, ["ND"] = 1 },
        ["CDP"] = new() { ["N"] = 0, ["L"] = 0.1, ["LM"] = 0.3, ["MH"] = 0.4, ["H"] = 0.5, ["ND"] = 0 },
        ["TD"] = new() { ["N"] = 0, ["L"] = 0.25, ["M"] = 0.75, ["H"] = 1, ["ND"] = 1 },
        ["CR"] = new() { ["L"] = 0.5, ["M"] = 1, ["H"] = 1.51, ["ND"] = 1 },
        ["IR"] = new() { ["L"] = 0.5, ["M"] = 1, ["H"] = 1.51, ["ND"] = 1 },
        ["AR"] = new() { ["L"] = 0.5, ["M"] = 1, ["H"] = 1.51, ["ND"] = 1 },
    };

    private readonly Dictionary<string, string> _values;

    private Cvss2Vector(Dictionary<string, string> values) => _values = values;

    /// <summary>The metric's value; <c>ND</c> (not defined) for a temporal or environmental metric not given.</summary>
    public string this[string metric] => _values.TryGetValue(metric, out var value) ? value : "ND";

    /// <summary>Reads a vector; null when a metric is unknown, repeated, has an unknown value, or a base metric is missing.</summary>
    public static Cvss2Vector? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text)) { return null; }
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in text.Split('/'))
        {
            var pair = part.Split(':');
            if (pair.Length != 2 || !Weights.TryGetValue(pair[0], out var known) || !known.ContainsKey(pair[1]) || !values.TryAdd(pair[0], pair[1]))
            {
                return null;
            }
        }
        return BaseMetrics.All(values.ContainsKey) ? new Cvss2Vector(values) : null;
    }

    /// <summary>The base score.</summary>
    public double BaseScore => Base(Impact(1, 1, 1));

    /// <summary>The temporal score.</summary>
    public double TemporalScore => Round(BaseScore * TemporalFactor);

    /// <summary>The environmental score.</summary>
    public double EnvironmentalScore
    {
        get
        {
            var adjustedTemporal = Round(Base(Math.Min(10, Impact(W("CR"), W("IR"), W("AR")))) * TemporalFactor);
            return Round((adjustedTemporal + ((10 - adjustedTemporal) * W("CDP"))) * W("TD"));
        }
    }

    private double TemporalFactor => W("E") * W("RL") * W("RC");

    private double Impact(double cr, double ir, double ar) =>
        10.41 * (1 - ((1 - (W("C") * cr)) * (1 - (W("I") * ir)) * (1 - (W("A") * ar))));

    private double Base(double impact)
    {
        var exploitability = 20 * W("AV") * W("AC") * W("Au");
        return Round(((0.6 * impact) + (0.4 * exploitability) - 1.5) * (impact == 0 ? 0 : 1.176));
    }

    private double W(string metric) => Weights[metric][this[metric]];

    private static double Round(double value) => Math.Round(value * 10, MidpointRounding.AwayFromZero) / 10;
}
