using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Vigil.Csaf.Validation;

namespace Vigil.Csaf.Schema;

/// <summary>Checks a document against the CSAF 2.0 JSON schema (draft 2020-12) and the FIRST CVSS schemas it refers to.</summary>
/// <remarks>
/// The CVSS v3.1 schema (draft-07) is evaluated as it is. The CVSS v2.0 and v3.0 schemas are draft-04, a dialect
/// JsonSchema.Net 8 does not support. They use only keywords whose meaning draft-07 kept unchanged (<c>type</c>,
/// <c>enum</c>, <c>pattern</c>, <c>minimum</c>, <c>maximum</c>, <c>required</c>, <c>properties</c>, <c>definitions</c>,
/// <c>$ref</c>), so they are read as draft-07; <c>id</c> (draft-04's <c>$id</c>) is replaced by the address the CSAF
/// schema refers to. The mandatory tests 6.1.8 to 6.1.10 check the CVSS objects again with Vigil's own CVSS reader.
/// </remarks>
public sealed class CsafSchemaValidator
{
    private static readonly Lazy<CsafSchemaValidator> Embedded = new(Load);
    private readonly JsonSchema _csaf;
    private readonly Dictionary<string, JsonSchema> _cvss;

    private CsafSchemaValidator(JsonSchema csaf, Dictionary<string, JsonSchema> cvss)
    {
        _csaf = csaf;
        _cvss = cvss;
    }

    /// <summary>The validator built from the schemas embedded in this library.</summary>
    public static CsafSchemaValidator Instance => Embedded.Value;

    /// <summary>Validates a document.</summary>
    /// <param name="document">The document's root.</param>
    /// <returns>One finding (test <c>schema</c>) per failed keyword, at the offending value.</returns>
    public IReadOnlyList<CsafFinding> Validate(JsonElement document)
    {
        var result = _csaf.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) { return []; }
        var findings = (result.Details ?? [])
            .Where(detail => detail.Errors is { Count: > 0 })
            .SelectMany(detail => detail.Errors!.Select(error =>
                new CsafFinding("schema", detail.InstanceLocation.ToString(), $"{error.Value} ({detail.EvaluationPath})")))
            .ToList();
        return findings.Count > 0 ? findings : [new CsafFinding("schema", "", "the document does not match the CSAF 2.0 schema")];
    }

    /// <summary>Validates one CVSS object against the FIRST schema of its version.</summary>
    /// <param name="cvss">The <c>cvss_v2</c> or <c>cvss_v3</c> object.</param>
    /// <param name="version">Its <c>version</c>: <c>2.0</c>, <c>3.0</c> or <c>3.1</c>.</param>
    /// <returns>The messages of the failed keywords, each with its location; empty when valid.</returns>
    internal IReadOnlyList<string> ValidateCvss(JsonElement cvss, string version)
    {
        if (!_cvss.TryGetValue(version, out var schema)) { return [$"unknown CVSS version {version}"]; }
        var result = schema.Evaluate(cvss, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : [.. (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => d.InstanceLocation.ToString() is { Length: > 0 } at ? $"{at}: {e.Value}" : e.Value)).DefaultIfEmpty("does not match the CVSS schema")];
    }

    private static CsafSchemaValidator Load()
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var cvss = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        foreach (var version in new[] { "v2.0", "v3.0", "v3.1" })
        {
            var address = new Uri($"https://www.first.org/cvss/cvss-{version}.json");
            // Building registers the schema under the address the CSAF schema refers to.
            cvss[version[1..]] = JsonSchema.FromText(AsDraft07(Read($"cvss-{version}.json")), options, address);
        }
        return new CsafSchemaValidator(JsonSchema.FromText(Read("csaf_json_schema.json"), options), cvss);
    }

    private static string AsDraft07(string text)
    {
        var schema = JsonNode.Parse(text)!.AsObject();
        schema.Remove("id");
        schema.Remove("$id");
        schema.Remove("license");
        schema["$schema"] = "http://json-schema.org/draft-07/schema#";
        return schema.ToJsonString();
    }

    private static string Read(string file)
    {
        using var stream = typeof(CsafSchemaValidator).Assembly.GetManifestResourceStream($"Vigil.Csaf.Schema.{file}")
            ?? throw new InvalidOperationException($"the schema {file} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
