namespace Vigil.Domain.Cvss;

/// <summary>
/// Splits <c>CVSS:x.y/K:V/K:V...</c> into metric values and checks them against a version's metric table. Both
/// versions share the grammar; they differ in their metrics and in whether the table's order is binding.
/// </summary>
internal static class CvssVectorReader
{
    internal const string PrefixMetric = "CVSS";

    public static CvssParseResult<Dictionary<string, string>> Read(
        string? text, string version, IReadOnlyList<CvssMetric> metrics, bool orderIsBinding)
    {
        var prefix = $"{PrefixMetric}:{version}/";
        if (string.IsNullOrEmpty(text))
        {
            return Fail(PrefixMetric, "The vector is empty.");
        }

        if (!text.StartsWith(prefix, StringComparison.Ordinal))
        {
            return Fail(PrefixMetric, $"A CVSS v{version} vector starts with \"{prefix}\".");
        }

        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < metrics.Count; i++)
        {
            positions[metrics[i].Key] = i;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var previous = PrefixMetric;
        var lastPosition = -1;
        foreach (var segment in text[prefix.Length..].Split('/'))
        {
            var colon = segment.IndexOf(':', StringComparison.Ordinal);
            if (segment.Length == 0)
            {
                return Fail(previous, $"An empty metric follows {previous}: a doubled or trailing \"/\".");
            }

            var key = colon < 0 ? segment : segment[..colon];
            if (colon <= 0 || colon == segment.Length - 1 || segment.IndexOf(':', colon + 1) >= 0)
            {
                return Fail(key, $"\"{segment}\" is not of the form METRIC:VALUE.");
            }

            if (!positions.TryGetValue(key, out var position))
            {
                return Fail(key, $"\"{key}\" is not a CVSS v{version} metric.");
            }

            var metric = metrics[position];
            var value = segment[(colon + 1)..];
            if (!values.TryAdd(key, value))
            {
                return Fail(key, $"{metric.Name} ({key}) appears more than once.");
            }

            if (!metric.Values.Contains(value, StringComparer.Ordinal))
            {
                return Fail(key, $"\"{value}\" is not a value of {metric.Name} ({key}); allowed: {string.Join(", ", metric.Values)}.");
            }

            if (orderIsBinding && position < lastPosition)
            {
                return Fail(key, $"{metric.Name} ({key}) is out of order: it must come before {previous}.");
            }

            lastPosition = Math.Max(lastPosition, position);
            previous = key;
        }

        var missing = metrics.FirstOrDefault(m => m.IsMandatory && !values.ContainsKey(m.Key));
        return missing is null
            ? CvssParseResult<Dictionary<string, string>>.Success(values)
            : Fail(missing.Key, $"{missing.Name} ({missing.Key}) is missing: every base metric is required.");
    }

    /// <summary>The present metrics in the table's order, as the specifications recommend writing them.</summary>
    public static string Format(string version, IReadOnlyList<CvssMetric> metrics, IReadOnlyDictionary<string, string> values) =>
        string.Join('/', metrics.Where(m => values.ContainsKey(m.Key)).Select(m => $"{m.Key}:{values[m.Key]}")
            .Prepend($"{PrefixMetric}:{version}"));

    private static CvssParseResult<Dictionary<string, string>> Fail(string metric, string message) =>
        CvssParseResult<Dictionary<string, string>>.Failure(metric, message);
}
