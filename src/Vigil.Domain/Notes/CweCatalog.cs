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

    private static IReadOnlyDictionary<string, string> Load()
    {
        using var stream = typeof(CweCatalog).Assembly.GetManifestResourceStream("Vigil.Domain.Notes.cwe-weaknesses.json")
            ?? throw new InvalidOperationException("The CWE list is not embedded.");
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("weaknesses").EnumerateArray()
            .ToDictionary(w => w.GetProperty("id").GetString()!, w => w.GetProperty("name").GetString()!, StringComparer.Ordinal);
    }
}
