using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Vigil.Domain.Regimes;

namespace Vigil.Domain.Tests.Regimes;

/// <summary>The shipped regimes, read from the repository's regimes/ folder in place, and small builders for cases.</summary>
internal static class RegimeFixtures
{
    private static readonly Lazy<RegimeCatalog> Shipped = new(() => RegimeCatalog.Load(
        Directory.GetFiles(Path.Combine(RepositoryRoot(), "regimes"), "*.json")
            .Select(path => (Path.GetFileName(path), File.ReadAllText(path)))));

    public static RegimeCatalog Catalog => Shipped.Value;

    public static Regime Get(string id) => Catalog[id];

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Vigil.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("no Vigil.slnx above the test binaries");
    }

    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static FakeTimeProvider ClockAt(string iso) => new(At(iso));

    public static Dictionary<string, DateTimeOffset> Events(params (string Name, string At)[] events) =>
        events.ToDictionary(e => e.Name, e => At(e.At), StringComparer.Ordinal);

    public static JsonObject View(string json) => JsonNode.Parse(json)!.AsObject();

    public static FiledSubmission Filed(long sequence, string at, string regimeId, string view = "{}",
        IReadOnlyList<StageFiling>? filedAs = null, string? answers = null) =>
        new(sequence, sequence == 1 ? "report" : "update", At(at), [regimeId], View(view), filedAs, answers);

    public static RegimeCase Case(Dictionary<string, DateTimeOffset> events, params FiledSubmission[] submissions) =>
        new(events, submissions, []);

    /// <summary>A one-stage regime in the given zone, for arithmetic that no shipped regime exercises directly.</summary>
    public static Regime OneStage(string zone, string starts, string within, string extra = "") =>
        RegimeReader.Read("test-regime.json", $$"""
            {
              "id": "test-regime", "name": "Test", "jurisdiction": "EU", "time_zone": "{{zone}}",
              "legal_reference": "https://example.org/law", "sources": ["https://example.org/law"],
              "stages": [{"id": "s", "name": "S", "starts": {{starts}}, "within": {{within}}, {{extra}} "requires": []}]
            }
            """);
}
