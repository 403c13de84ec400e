using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Aggregation;

/// <summary>
/// The official CSAF 2.0 aggregator JSON schema (../shared/data/csaf/2.0, see its SOURCES.md), with the provider and
/// CSAF schemas it refers to and the FIRST CVSS schemas those refer to (as Vigil.Csaf embeds them), formats checked.
/// The provider schema checks provider-metadata.json (a mirror's too).
/// </summary>
public static class AggregatorSchema
{
    private static readonly Lazy<(JsonSchema Aggregator, JsonSchema Provider)> Schemas = new(Load);

    public static IReadOnlyList<string> Problems(JsonNode aggregator) => Evaluate(Schemas.Value.Aggregator, aggregator);

    public static IReadOnlyList<string> ProviderMetadataProblems(JsonNode metadata) => Evaluate(Schemas.Value.Provider, metadata);

    private static IReadOnlyList<string> Evaluate(JsonSchema schema, JsonNode node)
    {
        using var document = JsonDocument.Parse(node.ToJsonString());
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return result.IsValid ? []
            : [.. (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}"))
                .DefaultIfEmpty("invalid")];
    }

    private static (JsonSchema, JsonSchema) Load()
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        foreach (var version in new[] { "v2.0", "v3.0", "v3.1" })
        {
            var cvss = JsonNode.Parse(File.ReadAllText(RepositoryPaths.File("src", "Vigil.Csaf", "Schema", $"cvss-{version}.json")))!.AsObject();
            // The v2.0 and v3.0 schemas declare draft-04, which the library does not implement; their keywords mean the same in draft-07.
            cvss.Remove("id");
            cvss.Remove("$id");
            cvss.Remove("license");
            cvss["$schema"] = "http://json-schema.org/draft-07/schema#";
            JsonSchema.FromText(cvss.ToJsonString(), options, new Uri($"https://www.first.org/cvss/cvss-{version}.json"));
        }
        JsonSchema.FromText(Read("csaf_json_schema.json"), options);
        var provider = JsonSchema.FromText(Read("provider_json_schema.json"), options);
        return (JsonSchema.FromText(Read("aggregator_json_schema.json"), options), provider);
    }

    private static string Read(string file) => File.ReadAllText(RepositoryPaths.File("..", "shared", "data", "csaf", "2.0", file));
}
