using System.Text.Json;
using Vigil.Domain.Validation;

namespace Vigil.Domain.Exposure;

/// <summary>
/// Reads what an organisation runs: a CycloneDX JSON SBOM (recognised by its <c>bomFormat</c>) or a list of
/// products and versions. Every problem is named by JSON pointer; nothing is matched unless all of it reads.
/// </summary>
public static class InventoryReader
{
    public const int MaxComponents = 50_000;

    public static (IReadOnlyList<InventoryComponent> Components, IReadOnlyList<FieldError> Errors) Read(JsonElement body)
    {
        var reader = new JsonFieldReader(DateTimeOffset.MaxValue);
        var components = new List<InventoryComponent>();
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("bomFormat", out _))
        {
            CycloneDxReader.Read(reader, body, components);
        }
        else
        {
            ProductListReader.Read(reader, body, components);
        }
        if (reader.Errors.Count == 0 && components.Count > MaxComponents)
        {
            reader.Fail("", $"has {components.Count} components; at most {MaxComponents} are checked in one request");
        }
        return reader.Errors.Count > 0 ? ([], reader.Errors) : (components, []);
    }
}
