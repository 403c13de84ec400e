using System.Text.Json;
using Vigil.Domain.Validation;

namespace Vigil.Domain.Exposure;

/// <summary>
/// Reads <c>{"products": [{"vendor", "product", "version", "purl", "cpe"}]}</c>, for those without an SBOM: product
/// and version are required, the rest help matching.
/// </summary>
internal static class ProductListReader
{
    public static void Read(JsonFieldReader reader, JsonElement body, List<InventoryComponent> components) =>
        reader.Object(body, "", new Dictionary<string, Action<JsonElement, string>>
        {
            ["products"] = (value, pointer) =>
            {
                reader.Array(value, pointer, InventoryReader.MaxComponents, (item, p) => ReadOne(reader, item, p, components));
                if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 0)
                {
                    reader.Fail(pointer, "must list at least one product");
                }
            },
        }, "products");

    private static void ReadOne(JsonFieldReader reader, JsonElement item, string pointer, List<InventoryComponent> components)
    {
        string? vendor = null, product = null, version = null;
        Versions.PackageUrl? purl = null;
        CpeName? cpe = null;
        var errorsBefore = reader.Errors.Count;
        reader.Object(item, pointer, new Dictionary<string, Action<JsonElement, string>>
        {
            ["vendor"] = (v, p) => vendor = reader.String(v, p, 200),
            ["product"] = (v, p) => product = reader.String(v, p, 200),
            ["version"] = (v, p) => version = reader.String(v, p, 100),
            ["purl"] = (v, p) => purl = InventoryFields.Purl(reader, v, p),
            ["cpe"] = (v, p) => cpe = InventoryFields.Cpe(reader, v, p),
        }, "product", "version");
        if (reader.Errors.Count == errorsBefore)
        {
            components.Add(new InventoryComponent(pointer, product!, vendor, version, purl, cpe));
        }
    }
}
