namespace Vigil.Domain.Cvss;

/// <summary>
/// A parsed CVSS v3.1 vector. Parsing is strict: the <c>CVSS:3.1/</c> prefix, every base metric, known metrics
/// with allowed values, each at most once. The specification lets metrics come in any order, so order is not
/// checked; <see cref="ToString"/> writes them in the specification's order.
/// </summary>
public sealed class Cvss31Vector
{
    /// <summary>The version label in the prefix.</summary>
    public const string Version = "3.1";

    private readonly Dictionary<string, string> _values;

    private Cvss31Vector(Dictionary<string, string> values) => _values = values;

    /// <summary>Parses a vector string, or names the metric that makes it invalid.</summary>
    public static CvssParseResult<Cvss31Vector> Parse(string? text)
    {
        var read = CvssVectorReader.Read(text, Version, Cvss31Metrics.All, orderIsBinding: false);
        return read.IsSuccess
            ? CvssParseResult<Cvss31Vector>.Success(new Cvss31Vector(read.Value))
            : CvssParseResult<Cvss31Vector>.Failure(read.Error);
    }

    /// <summary>The value of a metric as written, or <c>X</c> for an omitted optional metric.</summary>
    /// <exception cref="KeyNotFoundException">The key is not a CVSS v3.1 metric.</exception>
    public string this[string key] => _values.TryGetValue(key, out var value)
        ? value
        : Cvss31Metrics.All.FirstOrDefault(m => m.Key == key)?.Default ?? throw new KeyNotFoundException(key);

    /// <summary>True when the vector carries any temporal metric other than Not Defined.</summary>
    public bool HasTemporalMetrics => new[] { "E", "RL", "RC" }.Any(k => this[k] != "X");

    /// <summary>The scores and ratings this vector yields.</summary>
    public Cvss31Scores Scores => Cvss31Scoring.Score(this);

    /// <summary>The vector with its metrics in the specification's order.</summary>
    public override string ToString() => CvssVectorReader.Format(Version, Cvss31Metrics.All, _values);
}
