using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Vigil.Domain.Exposure;

namespace Vigil.Domain.Tests.Exposure;

/// <summary>Whatever JSON arrives, the reader answers with components or with errors that each name a field; it never throws.</summary>
public sealed class InventoryReaderProperties
{
    private static readonly string[] Keys =
        ["bomFormat", "specVersion", "metadata", "component", "components", "name", "version", "purl", "cpe", "publisher", "supplier", "manufacturer", "products", "product", "vendor"];

    private static readonly Gen<JsonNode?> Leaf = Gen.OneOf<JsonNode?>(
        Gen.Const(() => (JsonNode?)null),
        Gen.OneOf("CycloneDX", "1.4", "1.6", "", "pkg:npm/x@1.0.0", "pkg:", "cpe:2.3:a:v:p:1:*:*:*:*:*:*:*", "cpe:2.3:a:\\", "v2.19", "2.19.100").Select(s => (JsonNode?)JsonValue.Create(s)),
        Gen.Int.Select(i => (JsonNode?)JsonValue.Create(i)),
        Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)));

    private static Gen<JsonNode?> Node(int depth) => depth == 0 ? Leaf : Gen.Frequency(
        (3, Leaf),
        (2, Gen.Select(Gen.OneOf(Keys), Node(depth - 1)).Array[0, 4].Select(members =>
        {
            var json = new JsonObject();
            foreach (var (key, value) in members.Select(m => (m.Item1, m.Item2)))
            {
                json[key] = value?.DeepClone();
            }
            return (JsonNode?)json;
        })),
        (1, Node(depth - 1).Array[0, 3].Select(items => (JsonNode?)new JsonArray([.. items.Select(i => i?.DeepClone())]))));

    [Fact]
    public void AnyJson_IsReadOrRefusedWithPointers_NeverThrows()
    {
        Node(4).Sample(node =>
        {
            using var document = JsonDocument.Parse(node?.ToJsonString() ?? "null");
            var (components, errors) = InventoryReader.Read(document.RootElement);
            var matched = ExposureSamples.Index().Match(components).ToList();
            return (components.Count == 0 || errors.Count == 0) && errors.All(e => e.Pointer.Length == 0 || e.Pointer.StartsWith('/')) && matched.Count >= 0;
        }, iter: 5_000);
    }
}
