using System.Text.Json.Nodes;
using Vigil.Domain.Versions;

namespace Vigil.Domain.Tests.Versions;

/// <summary>
/// The official vers test suite (package-url/vers-spec tests/, in <c>shared/data/vers</c>; provenance in its
/// SOURCES.md), split into the cases Vigil runs and the cases it filters out, each with the reason.
/// </summary>
internal static class VersTestSuite
{
    private static readonly string[] RunnableTypes = ["parse", "containment", "comparison", "equality"];

    private static readonly Lazy<List<(string Id, JsonObject Case)>> All = new(Load);

    public static IEnumerable<(string Id, JsonObject Case)> Runnable => All.Value.Where(c => WhyFiltered(c.Case) is null);

    public static IEnumerable<(string Id, JsonObject Case, string Reason)> Filtered =>
        All.Value.Select(c => (c.Id, c.Case, Reason: WhyFiltered(c.Case))).Where(c => c.Reason is not null)!;

    public static JsonObject Case(string id) => All.Value.Single(c => c.Id == id).Case;

    /// <summary>The vers type a case is about, wherever the case's shape keeps it.</summary>
    public static string Type(JsonObject test)
    {
        var input = test["input"]!;
        var range = input is JsonValue ? input.GetValue<string>() : input["vers"]?.GetValue<string>();
        return range is not null
            ? range.Split('/')[0].Split(':').ElementAtOrDefault(1) ?? ""
            : (input["input_scheme"] ?? input["input_type"] ?? input["scheme"])!.GetValue<string>();
    }

    public static string? WhyFiltered(JsonObject test)
    {
        var type = Type(test);
        var scheme = VersionSchemes.Find(type);
        var testType = test["test_type"]!.GetValue<string>();
        if (!RunnableTypes.Contains(testType))
        {
            return $"test type {testType}: conversion from native range syntaxes and the validate type are not implemented";
        }

        if (scheme is null)
        {
            return $"vers type {type}: Vigil cannot order its versions";
        }

        // Vigil refuses a range whose versions are not versions of its scheme; the suite's grammar cases do not.
        var expected = test["expected_output"] is JsonObject output ? output["version_constraints"]?.AsArray() : null;
        return expected is not null && expected.Any(pair => scheme.Problem(pair![1]!.GetValue<string>()) is not null)
            ? $"parse case with a version that is not a {type} version: Vigil checks versions against their scheme"
            : null;
    }

    private static List<(string Id, JsonObject Case)> Load()
    {
        var cases = new List<(string, JsonObject)>();
        foreach (var path in Directory.GetFiles(Path.Combine(SharedData.Folder("vers"), "tests"), "*.json").Order(StringComparer.Ordinal))
        {
            var tests = JsonNode.Parse(File.ReadAllText(path))!["tests"]!.AsArray();
            for (var i = 0; i < tests.Count; i++)
            {
                cases.Add(($"{Path.GetFileNameWithoutExtension(path)}#{i}", tests[i]!.AsObject()));
            }
        }

        return cases;
    }
}
