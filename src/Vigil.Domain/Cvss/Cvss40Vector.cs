namespace Vigil.Domain.Cvss;

/// <summary>
/// A parsed CVSS v4.0 vector. Parsing is strict: the <c>CVSS:4.0/</c> prefix, all eleven base metrics, known
/// metrics with allowed values, each at most once, in the order the specification lists them.
/// </summary>
public sealed class Cvss40Vector
{
    /// <summary>The version label in the prefix.</summary>
    public const string Version = "4.0";

    private static readonly string[] ThreatKeys = ["E"];
    private static readonly string[] EnvironmentalKeys =
        ["CR", "IR", "AR", "MAV", "MAC", "MAT", "MPR", "MUI", "MVC", "MVI", "MVA", "MSC", "MSI", "MSA"];

    private readonly Dictionary<string, string> _values;

    private Cvss40Vector(Dictionary<string, string> values) => _values = values;

    /// <summary>Parses a vector string, or names the metric that makes it invalid.</summary>
    public static CvssParseResult<Cvss40Vector> Parse(string? text)
    {
        var read = CvssVectorReader.Read(text, Version, Cvss40Metrics.All, orderIsBinding: true);
        return read.IsSuccess
            ? CvssParseResult<Cvss40Vector>.Success(new Cvss40Vector(read.Value))
            : CvssParseResult<Cvss40Vector>.Failure(read.Error);
    }

    /// <summary>The value of a metric as written, or <c>X</c> for an omitted optional metric.</summary>
    /// <exception cref="KeyNotFoundException">The key is not a CVSS v4.0 metric.</exception>
    public string this[string key] => _values.TryGetValue(key, out var value)
        ? value
        : Cvss40Metrics.All.FirstOrDefault(m => m.Key == key)?.Default ?? throw new KeyNotFoundException(key);

    /// <summary>
    /// The value scoring uses: a modified metric overrides its base metric, and Not Defined threat and
    /// security-requirement metrics take their worst case (E:A, CR/IR/AR:H), as the specification assumes.
    /// </summary>
    public string Effective(string key) => key switch
    {
        "E" => this["E"] == "X" ? "A" : this["E"],
        "CR" or "IR" or "AR" => this[key] == "X" ? "H" : this[key],
        _ => this["M" + key] is var modified && modified != "X" ? modified : this[key],
    };

    /// <summary>Which score this vector yields in the specification's nomenclature: CVSS-B, -BT, -BE or -BTE.</summary>
    public string Nomenclature =>
        "CVSS-B" + (Defines(ThreatKeys) ? "T" : "") + (Defines(EnvironmentalKeys) ? "E" : "");

    /// <summary>The score of the whole vector by the MacroVector method.</summary>
    public double Score => Cvss40Scoring.Score(this);

    /// <summary>The rating of <see cref="Score"/>.</summary>
    public CvssSeverity Severity => CvssSeverityScale.Rate(Score);

    /// <summary>The vector with its metrics in the specification's order.</summary>
    public override string ToString() => CvssVectorReader.Format(Version, Cvss40Metrics.All, _values);

    private bool Defines(string[] keys) => keys.Any(k => this[k] != "X");
}
