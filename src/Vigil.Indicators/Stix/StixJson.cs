using System.Text.Json;

namespace Vigil.Indicators.Stix;

/// <summary>Typed access to the properties of a STIX object's JSON, naming the object in errors.</summary>
internal static class StixJson
{
    public static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static string Required(JsonElement element, string name) =>
        String(element, name) ?? throw new StixFormatException($"{Describe(element)} has no string \"{name}\"");

    public static DateTimeOffset? Time(JsonElement element, string name) =>
        String(element, name) is { } text ? ParseTime(element, name, text) : null;

    public static DateTimeOffset RequiredTime(JsonElement element, string name) =>
        ParseTime(element, name, Required(element, name));

    public static IReadOnlyList<string> Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList()
            : [];

    public static JsonElement? Element(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.Clone() : null;

    private static DateTimeOffset ParseTime(JsonElement element, string name, string text)
    {
        try
        {
            return StixTimestamp.Parse(text);
        }
        catch (FormatException e)
        {
            throw new StixFormatException($"{Describe(element)} has an invalid timestamp in \"{name}\": {text}", e);
        }
    }

    private static string Describe(JsonElement element) => String(element, "id") ?? String(element, "type") ?? "an object";
}
