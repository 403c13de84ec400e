using Vigil.Indicators.Patterns;
using Vigil.Indicators.Stix;

namespace Vigil.Indicators.Matching;

/// <summary>
/// The indicators to scan for, each attributed to its collections (malware through <c>indicates</c>
/// relationships, reports through <c>object_refs</c>) and compiled for matching.
/// </summary>
public sealed class IndicatorCatalog
{
    private IndicatorCatalog(IReadOnlyList<CatalogedIndicator> indicators)
    {
        Indicators = indicators;
        Index = new IndicatorIndex(indicators);
    }

    /// <summary>Every indicator, supported or not.</summary>
    public IReadOnlyList<CatalogedIndicator> Indicators { get; }

    /// <summary>The indicators that cannot be matched in full, each with its reasons.</summary>
    public IEnumerable<CatalogedIndicator> Unsupported => Indicators.Where(i => !i.IsSupported);

    internal IndicatorIndex Index { get; }

    /// <summary>Builds a catalogue from bundles already read. Indicators with a pattern type other than <c>stix</c> are reported unsupported.</summary>
    /// <param name="bundles">The bundles.</param>
    /// <returns>The catalogue.</returns>
    public static IndicatorCatalog FromBundles(IEnumerable<StixBundle> bundles)
    {
        ArgumentNullException.ThrowIfNull(bundles);
        var objects = bundles.SelectMany(b => b.Objects).ToList();
        var attribution = CollectionAttribution.Build(objects);
        var indicators = objects.OfType<StixIndicator>()
            .Select(indicator => Compile(indicator, attribution.For(indicator.Id)))
            .ToList();
        return new IndicatorCatalog(indicators);
    }

    /// <summary>Reads STIX bundle files, and folders of them (every <c>.json</c> and <c>.stix2</c> file, recursively).</summary>
    /// <param name="paths">Files or folders.</param>
    /// <returns>The catalogue.</returns>
    /// <exception cref="StixFormatException">A file is not a STIX bundle.</exception>
    public static IndicatorCatalog Load(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = paths.SelectMany<string, string>(path => Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".stix2", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
            : [path]);
        return FromBundles(files.Select(ReadFile).ToList());
    }

    private static StixBundle ReadFile(string file)
    {
        using var stream = File.OpenRead(file);
        try
        {
            return StixBundleReader.Read(stream);
        }
        catch (StixFormatException e)
        {
            throw new StixFormatException($"{file}: {e.Message}", e);
        }
    }

    private static CatalogedIndicator Compile(StixIndicator indicator, IReadOnlyList<IndicatorCollection> collections)
    {
        var cataloged = new CatalogedIndicator { Id = indicator.Id, Name = indicator.Name, Pattern = indicator.Pattern, Collections = collections };
        if (indicator.PatternType != "stix") { return cataloged with { Problems = [$"pattern type '{indicator.PatternType}' is not supported"] }; }
        if (!PatternParser.TryParse(indicator.Pattern, out var pattern, out var error))
        {
            return cataloged with { Problems = [$"invalid pattern: {error!.Message}"] };
        }
        var (clauses, problems) = PatternCompiler.Compile(pattern!);
        return cataloged with { Problems = problems, Clauses = problems.Count == 0 ? clauses : [] };
    }
}
