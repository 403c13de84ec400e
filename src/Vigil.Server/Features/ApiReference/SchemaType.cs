using System.Text.Json.Nodes;

namespace Vigil.Server.Features.ApiReference;

/// <summary>
/// A schema in a few words for a reference table: a named schema by its name (linked by the page), an array by what it
/// holds, a scalar by its type and format, "or null" where null is allowed.
/// </summary>
public static class SchemaType
{
    /// <summary>The named schema <paramref name="schema"/> is, if it is only a reference (or a nullable one).</summary>
    public static string? Reference(JsonNode? schema) =>
        schema?["$ref"]?.GetValue<string>() is { } r && r.StartsWith(ApiDescription.SchemaRef, StringComparison.Ordinal) ? r[ApiDescription.SchemaRef.Length..]
        : schema?["oneOf"] is JsonArray { Count: 2 } either && either.Any(s => s?["type"]?.ToString() == "null") ? Reference(either.First(s => s?["type"]?.ToString() != "null"))
        : null;

    public static string Describe(JsonNode? schema)
    {
        if (schema is null)
        {
            return "any";
        }
        if (Reference(schema) is { } name)
        {
            return name + (schema["oneOf"] is not null ? " or null" : "");
        }
        var types = schema["type"] switch
        {
            JsonArray many => many.Select(t => t!.GetValue<string>()).ToList(),
            JsonValue one => [one.GetValue<string>()],
            _ => [],
        };
        var nullable = types.Remove("null");
        var text = types.FirstOrDefault() switch
        {
            "array" => "array of " + Describe(schema["items"]),
            "object" when schema["additionalProperties"] is JsonObject values => "map of " + Describe(values),
            null when (schema["oneOf"] ?? schema["anyOf"]) is JsonArray choices => string.Join(" or ", choices.Select(Describe)),
            null => "any",
            var type => schema["format"]?.GetValue<string>() is { } format ? $"{type} ({format})" : type,
        };
        if (schema["enum"] is JsonArray values2)
        {
            text += ": " + string.Join(", ", values2.Select(v => v?.ToJsonString() ?? "null"));
        }
        return nullable ? text + " or null" : text;
    }
}
