using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Vigil.Server.Features.ApiReference;

/// <summary>
/// The API's OpenAPI document as the reference pages read it: operations grouped by tag, each with its parameters,
/// body and answers, and the schemas they name. Built once from the same document /openapi/v1.json serves.
/// </summary>
public sealed class ApiDescription(IServiceProvider services)
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    private readonly Lazy<Task<JsonObject>> _document = new(async () =>
    {
        var document = await services.GetRequiredKeyedService<IOpenApiDocumentProvider>("v1").GetOpenApiDocumentAsync();
        return JsonNode.Parse(await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1))!.AsObject();
    });

    public sealed record Operation(string Tag, string Method, string Path, JsonObject Node)
    {
        public string Anchor => Node["operationId"]?.GetValue<string>() ?? $"{Method}-{Path}".Replace('/', '-').Replace('{', '-').Replace('}', '-');

        public string Summary => Node["summary"]?.GetValue<string>() ?? "";
    }

    /// <summary>A tag as a path segment: "CSAF" is /docs/csaf.</summary>
    public static string Slug(string tag) => tag.ToLowerInvariant().Replace(' ', '-');

    public async Task<JsonObject> DocumentAsync() => await _document.Value;

    /// <summary>Every operation, by tag in the document's order of first appearance, then by path.</summary>
    public async Task<IReadOnlyList<IGrouping<string, Operation>>> ByTagAsync()
    {
        var document = await DocumentAsync();
        var operations = document["paths"]!.AsObject()
            .SelectMany(path => Methods.Where(m => path.Value![m] is JsonObject).Select(m =>
            {
                var node = path.Value![m]!.AsObject();
                return new Operation(node["tags"]?[0]?.GetValue<string>() ?? "Other", m.ToUpperInvariant(), path.Key, node);
            }));
        return [.. operations.GroupBy(o => o.Tag).OrderBy(g => g.Key, StringComparer.Ordinal)];
    }

    /// <summary>The named schemas the operations refer to, and those they refer to in turn, in name order.</summary>
    public async Task<IReadOnlyList<(string Name, JsonObject Schema)>> SchemasUsedByAsync(IEnumerable<Operation> operations)
    {
        var all = (await DocumentAsync())["components"]?["schemas"]?.AsObject() ?? [];
        var found = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        var pending = new Stack<JsonNode?>(operations.Select(o => (JsonNode?)o.Node));
        while (pending.TryPop(out var node))
        {
            foreach (var name in References(node))
            {
                if (!found.ContainsKey(name) && all[name] is JsonObject schema)
                {
                    found[name] = schema;
                    pending.Push(schema);
                }
            }
        }
        return [.. found.Select(pair => (pair.Key, pair.Value))];
    }

    /// <summary>"#/components/schemas/X" anywhere under <paramref name="node"/>.</summary>
    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "$ref" && p.Value?.GetValue<string>() is { } r && r.StartsWith(SchemaRef, StringComparison.Ordinal)
            ? [r[SchemaRef.Length..]]
            : References(p.Value)),
        JsonArray a => a.SelectMany(References),
        _ => [],
    };

    public const string SchemaRef = "#/components/schemas/";
}
