using System.Text.Json;
using Vigil.Domain.Validation;

namespace Vigil.Domain.Exposure;

/// <summary>
/// Reads the components of a CycloneDX JSON BOM, specification 1.4 to 1.6: the described component
/// (<c>metadata.component</c>) and every component, nested ones included. Only what matching needs is checked;
/// other members are left alone, as a BOM carries far more than Vigil reads.
/// </summary>
internal static class CycloneDxReader
{
    public static readonly IReadOnlyList<string> SpecVersions = ["1.4", "1.5", "1.6"];

    public static void Read(JsonFieldReader reader, JsonElement bom, List<InventoryComponent> components)
    {
        if (reader.String(bom.GetProperty("bomFormat"), "/bomFormat", 20) is { } format && format != "CycloneDX")
        {
            reader.Fail("/bomFormat", $"'{format}' is not CycloneDX; Vigil reads CycloneDX JSON BOMs");
        }
        if (!bom.TryGetProperty("specVersion", out var spec))
        {
            reader.Fail("/specVersion", "is required");
        }
        else
        {
            reader.OneOf(spec, "/specVersion", SpecVersions, "CycloneDX version Vigil reads");
        }
        if (bom.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
            && metadata.TryGetProperty("component", out var described))
        {
            ReadComponent(reader, described, "/metadata/component", components);
        }
        if (bom.TryGetProperty("components", out var list))
        {
            ReadComponents(reader, list, "/components", components);
        }
    }

    private static void ReadComponents(JsonFieldReader reader, JsonElement list, string pointer, List<InventoryComponent> components) =>
        reader.Array(list, pointer, InventoryReader.MaxComponents, (item, p) => ReadComponent(reader, item, p, components));

    private static void ReadComponent(JsonFieldReader reader, JsonElement item, string pointer, List<InventoryComponent> components)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            reader.Fail(pointer, $"must be an object, not {JsonFieldReader.Describe(item)}");
            return;
        }
        var errorsBefore = reader.Errors.Count;
        string? name = null;
        if (!item.TryGetProperty("name", out var nameValue))
        {
            reader.Fail(JsonPointer.Append(pointer, "name"), "is required");
        }
        else
        {
            name = reader.String(nameValue, JsonPointer.Append(pointer, "name"), 500);
        }
        var version = InventoryFields.OptionalString(reader, item, "version", pointer, 200);
        var purl = item.TryGetProperty("purl", out var purlValue) ? InventoryFields.Purl(reader, purlValue, JsonPointer.Append(pointer, "purl")) : null;
        var cpe = item.TryGetProperty("cpe", out var cpeValue) ? InventoryFields.Cpe(reader, cpeValue, JsonPointer.Append(pointer, "cpe")) : null;
        var vendor = Vendor(reader, item, pointer);
        if (reader.Errors.Count == errorsBefore)
        {
            components.Add(new InventoryComponent(pointer, name!, vendor, version, purl, cpe));
        }
        if (item.TryGetProperty("components", out var nested))
        {
            ReadComponents(reader, nested, JsonPointer.Append(pointer, "components"), components);
        }
    }

    /// <summary>Who makes it: the publisher, else the supplier's or (1.6) the manufacturer's name.</summary>
    private static string? Vendor(JsonFieldReader reader, JsonElement item, string pointer)
    {
        if (InventoryFields.OptionalString(reader, item, "publisher", pointer, 200) is { } publisher)
        {
            return publisher;
        }
        foreach (var organisation in new[] { "supplier", "manufacturer" })
        {
            if (item.TryGetProperty(organisation, out var entity) && entity.ValueKind == JsonValueKind.Object
                && InventoryFields.OptionalString(reader, entity, "name", JsonPointer.Append(pointer, organisation), 200) is { } name)
            {
                return name;
            }
        }
        return null;
    }
}
