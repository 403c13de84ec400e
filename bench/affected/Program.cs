using System.Diagnostics;
using System.Globalization;
using Vigil.Domain.Exposure;
using Vigil.Domain.Notes;
using Vigil.Domain.Versions;

namespace Vigil.Bench.Affected;

/// <summary>
/// The affected-query's matcher at the issue's scale: 100,000 notes of three products each (one named by purl, one by
/// CPE, one by name only) against an SBOM of 10,000 components of which about one in ten is affected.
/// Usage: dotnet run -c Release --project bench/affected [-- NOTES COMPONENTS]
/// With "imported" first, the same question against imported CSAF advisories through the server's services instead
/// (<see cref="ImportedAdvisoryBench"/>): dotnet run -c Release --project bench/affected -- imported [ADVISORIES COMPONENTS]
/// </summary>
internal static class EntryPoint
{
    public static async Task Main(string[] args)
    {
        if (args is ["imported", .. var rest])
        {
            await ImportedAdvisoryBench.RunAsync(rest);
            return;
        }
        NoteMatcher(args);
    }

    private static void NoteMatcher(string[] args)
    {
        var noteCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var componentCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;

        var clock = Stopwatch.StartNew();
        var entries = Enumerable.Range(0, noteCount).SelectMany(BenchNotes.Entries).ToList();
        var readMs = clock.ElapsedMilliseconds;

        clock.Restart();
        var index = new ExposureIndex(entries);
        var indexMs = clock.ElapsedMilliseconds;

        var components = Enumerable.Range(0, componentCount).Select(i => BenchNotes.Component(i, noteCount)).ToList();
        var runs = new List<long>();
        var matches = 0;
        for (var run = 0; run < 5; run++)
        {
            clock.Restart();
            matches = index.Match(components).Count();
            runs.Add(clock.ElapsedMilliseconds);
        }
        runs.Sort();

        Console.WriteLine($"| notes | products | components | read notes (ms) | build index (ms) | match, median of 5 (ms) | matches |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {noteCount:N0} | {entries.Count:N0} | {componentCount:N0} | {readMs:N0} | {indexMs:N0} | {runs[2]:N0} | {matches:N0} |"));
    }
}

internal static class BenchNotes
{
    public static IEnumerable<IAffectedProductEntry> Entries(int n) => NoteProductEntry.From($"VIGN-2026-{n:D6}", new NoteContent(
        $"Note {n}", "Summary.", "high", "CLEAR", [], [], [],
        [
            new AffectedProduct($"Vendor {n % 5000}", $"library-{n}", null, $"pkg:npm/library-{n}", null, [$"vers:npm/>=1.0.0|<1.{n % 9 + 1}.0"], [$"1.{n % 9 + 1}.0"]),
            new AffectedProduct($"Vendor {n % 5000}", $"Server {n}", null, null, $"cpe:2.3:a:vendor{n % 5000}:server{n}:*:*:*:*:*:*:*:*", ["vers:semver/<3.0.0"], ["3.0.0"]),
            new AffectedProduct($"Vendor {n % 5000}", $"Mobile App {n}", "Android", null, null, ["vers:intdot/<20"], ["20"]),
        ],
        "Description.", null, "Upgrade.", null, [], [], [], []));

    public static InventoryComponent Component(int i, int noteCount)
    {
        var n = (int)((long)i * 7919 % noteCount);
        var hit = i % 10 == 0;
        return (i % 3) switch
        {
            0 => new InventoryComponent($"/components/{i}", $"library-{n}", null, null, PackageUrl.Parse($"pkg:npm/library-{n}@{(hit ? "1.0.5" : "9.0.0")}"), null),
            1 => new InventoryComponent($"/components/{i}", $"server{n}", null, null, null,
                CpeName.TryParse($"cpe:2.3:a:vendor{n % 5000}:server{n}:{(hit ? "2.1.0" : "3.1.0")}:*:*:*:*:*:*:*", out var cpe) ? cpe : null),
            _ => new InventoryComponent($"/components/{i}", $"Mobile App {n}", $"Vendor {n % 5000}", hit ? "19" : "21", null, null),
        };
    }
}
