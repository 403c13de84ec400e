using System.Text.RegularExpressions;
using System.Xml.Linq;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Web;

/// <summary>The pages' strings as the resource files hold them, English beside Hindi.</summary>
public static partial class ResourceStrings
{
    /// <summary>
    /// English strings that a Hindi page must not show: every English value whose Hindi differs, cut at its
    /// placeholders into the runs of words it shows (a run of two or more words, so that a lone word shared by both
    /// languages, such as a name, is not counted).
    /// </summary>
    public static IReadOnlyList<string> UntranslatedCandidates()
    {
        var candidates = new HashSet<string>(StringComparer.Ordinal);
        foreach (var english in Directory.EnumerateFiles(RepositoryPaths.File("src", "Vigil.Server"), "*.resx", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".hi.resx", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal)))
        {
            var hindi = Read(english[..^".resx".Length] + ".hi.resx");
            foreach (var (name, value) in Read(english))
            {
                if (hindi.GetValueOrDefault(name) == value)
                {
                    continue;
                }
                foreach (var run in Placeholder().Split(value).Select(r => r.Trim()).Where(r => r.Count(c => c == ' ') >= 1 && r.Any(char.IsLetter)))
                {
                    candidates.Add(run);
                }
            }
        }
        return [.. candidates];
    }

    /// <summary>Every resource file's names and values; a missing Hindi file reads as empty.</summary>
    public static Dictionary<string, string> Read(string path) =>
        File.Exists(path)
            ? XDocument.Load(path).Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")?.Value ?? "")
            : [];

    [GeneratedRegex(@"\{\d+[^}]*\}")]
    private static partial Regex Placeholder();
}
