using System.Text.Json;

namespace Vigil.Csaf.Validation;

/// <summary>Selects values by a simple path (<c>/vulnerabilities[]/scores[]/products[]</c>) and names each by its JSON pointer.</summary>
internal static class JsonWalk
{
    /// <summary>Every value the path reaches; <c>[]</c> after a name steps into each item of that array.</summary>
    public static IEnumerable<(string Path, JsonElement Value)> Select(JsonElement root, string path) =>
        Select(root, "", path.Split('/', StringSplitOptions.RemoveEmptyEntries), 0);

    /// <summary>Every value the path reaches below a start value whose pointer is <paramref name="startPath"/>.</summary>
    public static IEnumerable<(string Path, JsonElement Value)> Select(JsonElement start, string startPath, string path) =>
        Select(start, startPath, path.Split('/', StringSplitOptions.RemoveEmptyEntries), 0);

    /// <summary>The string at a property, or null when it is missing or not a string.</summary>
    public static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>Whether an object has a property of that name.</summary>
    public static bool Has(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out _);

    private static IEnumerable<(string Path, JsonElement Value)> Select(JsonElement current, string pointer, string[] steps, int index)
    {
        if (index == steps.Length)
        {
            yield return (pointer, current);
            yield break;
        }
        var step = steps[index];
        var eachItem = step.EndsWith("[]", StringComparison.Ordinal);
        var name = eachItem ? step[..^2] : step;
        if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out var child)) { yield break; }
        var childPointer = $"{pointer}/{Escape(name)}";
        if (!eachItem)
        {
            foreach (var found in Select(child, childPointer, steps, index + 1)) { yield return found; }
            yield break;
        }
        if (child.ValueKind != JsonValueKind.Array) { yield break; }
        var position = 0;
        foreach (var item in child.EnumerateArray())
        {
            foreach (var found in Select(item, $"{childPointer}/{position}", steps, index + 1)) { yield return found; }
            position++;
        }
    }

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
