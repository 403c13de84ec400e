using System.Text.Json;
using Vigil.Csaf.Validation;
using Vigil.Domain.Cvss;

namespace Vigil.Csaf.Cvss;

/// <summary>The CVSS objects of a document's scores, and their vectors read by Vigil's CVSS reader.</summary>
internal static class CsafCvssObjects
{
    /// <summary>Every <c>cvss_v2</c> object with its pointer.</summary>
    public static IEnumerable<(string Path, JsonElement Cvss)> Version2(JsonElement document) =>
        JsonWalk.Select(document, "/vulnerabilities[]/scores[]/cvss_v2").Where(c => c.Value.ValueKind == JsonValueKind.Object);

    /// <summary>Every <c>cvss_v3</c> object with its pointer.</summary>
    public static IEnumerable<(string Path, JsonElement Cvss)> Version3(JsonElement document) =>
        JsonWalk.Select(document, "/vulnerabilities[]/scores[]/cvss_v3").Where(c => c.Value.ValueKind == JsonValueKind.Object);

    /// <summary>Reads a v3.0 or v3.1 vector. A v3.0 vector is read with the v3.1 metrics, which are the same.</summary>
    public static CvssParseResult<Cvss31Vector> ReadVersion3(string? vector) =>
        vector is not null && vector.StartsWith("CVSS:3.0/", StringComparison.Ordinal)
            ? Cvss31Vector.Parse(string.Concat("CVSS:3.1/", vector.AsSpan("CVSS:3.0/".Length)))
            : Cvss31Vector.Parse(vector);

    /// <summary>The score properties as the JSON gives them, by name.</summary>
    public static double? Number(JsonElement cvss, string name) =>
        cvss.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
