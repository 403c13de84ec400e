using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.NoteExports;

/// <summary>The CVE JSON 5 and OSV schemas under Schemas/ (see SOURCES.md), and validation against them with formats checked.</summary>
public static class ExportSchemas
{
    public const string TestCnaOrgId = "6f1b3e2a-9c4d-4e8f-a1b2-c3d4e5f60718";

    private static readonly Lazy<JsonSchema> CveRecord = new(() => Load("CVE_Record_Format_bundled.json"));
    private static readonly Lazy<JsonSchema> Osv = new(() => Load("osv-schema.json"));

    /// <summary>Problems with a CNA container, checked inside a published CVE record; empty when valid.</summary>
    public static IReadOnlyList<string> CveContainerProblems(string cveId, JsonNode container) => Problems(CveRecord.Value, new JsonObject
    {
        ["dataType"] = "CVE_RECORD",
        ["dataVersion"] = "5.1",
        ["cveMetadata"] = new JsonObject { ["cveId"] = cveId, ["assignerOrgId"] = TestCnaOrgId, ["state"] = "PUBLISHED" },
        ["containers"] = new JsonObject { ["cna"] = container.DeepClone() },
    });

    public static IReadOnlyList<string> OsvProblems(JsonNode record) => Problems(Osv.Value, record);

    private static List<string> Problems(JsonSchema schema, JsonNode instance)
    {
        using var document = JsonDocument.Parse(instance.ToJsonString());
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return result.IsValid ? []
            : [.. (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}"))
                .DefaultIfEmpty("invalid")];
    }

    private static JsonSchema Load(string file)
    {
        // The CVE schema's CVSS v2.0 part declares draft-04, which the library does not implement. The keywords it uses
        // (type, enum, minimum, maximum, pattern, properties, required, $ref) mean the same in draft-07, so it is read as that.
        var dialects = new DialectRegistry();
        dialects.Register(Dialect.Draft07.With([], new Uri("http://json-schema.org/draft-04/schema#")));
        return JsonSchema.FromText(File.ReadAllText(RepositoryPaths.File("tests", "Vigil.Server.Tests", "Schemas", file)),
            new BuildOptions { SchemaRegistry = new SchemaRegistry(), DialectRegistry = dialects });
    }
}
