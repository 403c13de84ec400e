using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Domain.Validation;

namespace Vigil.Domain.Incidents;

/// <summary>
/// A field declared unknown: <c>{"unknown": "investigation ongoing"}</c>. Recorded as such, so that "we do not know
/// yet, because..." is on the record and distinguishable from saying nothing.
/// </summary>
public static class UnknownDeclaration
{
    public const string Member = "unknown";

    public static bool IsDeclaration(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty(Member, out _);

    public static bool IsDeclaration(JsonNode? value) => value is JsonObject o && o.ContainsKey(Member);

    public static string? ReasonOf(JsonNode? value) => value is JsonObject o && o[Member] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static void Read(JsonFieldReader reader, JsonElement value, string pointer)
    {
        foreach (var property in value.EnumerateObject())
        {
            var at = JsonPointer.Append(pointer, property.Name);
            if (property.Name == Member)
            {
                reader.String(property.Value, at, IncidentFields.MaxUnknownReason, multiline: true);
            }
            else
            {
                reader.Fail(at, "an unknown declaration holds only the member 'unknown' with the reason");
            }
        }
    }
}
