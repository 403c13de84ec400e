using System.Text.Json;
using Vigil.Domain.Validation;
using Vigil.Domain.Versions;

namespace Vigil.Domain.Exposure;

/// <summary>The identities an inventory gives its components, each read or refused with the reason.</summary>
internal static class InventoryFields
{
    public static PackageUrl? Purl(JsonFieldReader reader, JsonElement value, string pointer)
    {
        var text = reader.String(value, pointer, 2_000);
        if (text is null)
        {
            return null;
        }
        if (!PackageUrl.TryParseLenient(text, out var purl, out var problem))
        {
            reader.Fail(pointer, $"'{JsonFieldReader.Shorten(text)}' is not a package URL: {problem}");
        }
        return purl;
    }

    public static CpeName? Cpe(JsonFieldReader reader, JsonElement value, string pointer)
    {
        var text = reader.String(value, pointer, 1_000);
        if (text is null)
        {
            return null;
        }
        if (!CpeName.TryParse(text, out var cpe))
        {
            reader.Fail(pointer, $"'{JsonFieldReader.Shorten(text)}' is not a CPE 2.3 formatted string such as cpe:2.3:a:vendor:product:1.0:*:*:*:*:*:*:*");
        }
        return cpe;
    }

    /// <summary>An optional string: absent or null is fine, anything else must be a usable string.</summary>
    public static string? OptionalString(JsonFieldReader reader, JsonElement parent, string name, string pointer, int maxLength) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? reader.String(value, JsonPointer.Append(pointer, name), maxLength)
            : null;
}
