using System.Text.Json;

namespace Vigil.Domain.Notes;

/// <summary>CWE weaknesses by id (such as <c>CWE-122</c>), with the exact names CSAF documents must carry.</summary>
public static class CweCatalog
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Names = new(Load);

    public static bool TryGetName(string id, out string name)
    {
        var found = Names.Value.TryGetValue(id, out var known);
        name = known ?? "";
        return found;
    }

    public static int Count => Names.Value.Count;

    /// <summary>
    /// The weaknesses whose id or name holds every word of <paramref name="text"/> (case ignored), by id number; for a
    /// picker that finds "CWE-122" from "heap overflow".
    /// </summary>
    public static IReadOnlyList<CweWeakness> Search(string text, int limit)
    {
        var words = text.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return [];
        }
        return [.. Names.Value.Where(w => words.All(word => w.Key.Contains(word, StringComparison.OrdinalIgnoreCase) || w.Value.Contains(word, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(w => int.TryParse(w.Key.AsSpan(4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue)
            .Take(limit).Select(w => new CweWeakness(w.Key, w.Value))];
    }

    private static IReadOnlyDictionary<string, string> Load()
    {
        using var stream = typeof(CweCatalog).Assembly.GetManifestResourceStream("Vigil.Domain.Notes.cwe-weaknesses.json")
            ?? throw new InvalidOperationException("The CWE list is not embedded.");
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("weaknesses").EnumerateArray()
            .ToDictionary(w => w.GetProperty("id").GetString()!, w => w.GetProperty("name").GetString()!, StringComparer.Ordinal);
    }
}
