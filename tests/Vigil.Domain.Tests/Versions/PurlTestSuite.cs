using System.Text.Json.Nodes;
using Vigil.Domain.Versions;

namespace Vigil.Domain.Tests.Versions;

/// <summary>
/// The official purl test suite (package-url/purl-spec tests/, in <c>shared/data/purl</c>; provenance in its
/// SOURCES.md): every case of specification-test.json, and the per-type files of the types Vigil implements.
/// </summary>
internal static class PurlTestSuite
{
    private static readonly Lazy<List<(string Id, string File, JsonObject Case)>> All = new(Load);

    /// <summary>
    /// Cases that contradict other required cases of the same suite, so no parser can pass them all. Each is
    /// listed with the choice Vigil made.
    /// </summary>
    private static readonly Dictionary<string, string> Contradictory = new(StringComparer.Ordinal)
    {
        ["maven-test#13"] = "a required parse accepting the mixed-case qualifier key repositorY_url, where the required "
            + "gem-test#1 and rpm-test#1 refuse mixed-case keys; Vigil's strict parse refuses them",
    };

    public static IEnumerable<string> RunnableIds => All.Value.Where(c => WhyFiltered(c.Id, c.File) is null).Select(c => c.Id);

    public static IEnumerable<(string Id, string Reason)> Filtered =>
        All.Value.Select(c => (c.Id, Reason: WhyFiltered(c.Id, c.File))).Where(c => c.Reason is not null)!;

    public static JsonObject Case(string id) => All.Value.Single(c => c.Id == id).Case;

    private static string? WhyFiltered(string id, string file)
    {
        if (Contradictory.TryGetValue(id, out var contradiction))
        {
            return contradiction;
        }

        var type = file.Replace("-test", "", StringComparison.Ordinal);
        return file == "specification-test" || PackageUrl.ImplementedTypes.Contains(type)
            ? null
            : $"purl type {type}: its type-specific rules are not implemented";
    }

    private static List<(string, string, JsonObject)> Load()
    {
        var folder = SharedData.Folder("purl");
        var files = Directory.GetFiles(Path.Combine(folder, "types"), "*.json").Append(Path.Combine(folder, "specification-test.json"));
        var cases = new List<(string, string, JsonObject)>();
        foreach (var path in files.Order(StringComparer.Ordinal))
        {
            var file = Path.GetFileNameWithoutExtension(path);
            var tests = JsonNode.Parse(File.ReadAllText(path))!["tests"]!.AsArray();
            for (var i = 0; i < tests.Count; i++)
            {
                cases.Add(($"{file}#{i}", file, tests[i]!.AsObject()));
            }
        }

        return cases;
    }
}
