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
        var builder = new Builder();
        foreach (var o in bundles.SelectMany(b => b.Objects)) { builder.Add(o); }
        return builder.Build();
    }

    /// <summary>
    /// Reads STIX bundle files, and folders of them (every <c>.json</c> and <c>.stix2</c> file, recursively). Bundles
    /// are read object by object and indicators compiled as they come, so memory holds the catalogue, not the JSON.
    /// </summary>
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
        var builder = new Builder();
        foreach (var file in files)
        {
            using var stream = File.OpenRead(file);
            try
            {
                StixBundleReader.ReadEach(stream, builder.Add);
            }
            catch (StixFormatException e)
            {
                throw new StixFormatException($"{file}: {e.Message}", e);
            }
        }
        return builder.Build();
    }

    // Compiles indicators as they are added and keeps only the objects that name collections; attribution needs
    // every relationship and report, wherever in the bundles they are, so it is applied at the end.
    private sealed class Builder
    {
        private readonly List<CatalogedIndicator> _indicators = [];
        private readonly List<StixObject> _collections = [];

        public void Add(StixObject o)
        {
            switch (o)
            {
                case StixIndicator indicator: _indicators.Add(Compile(indicator, [])); break;
                case StixMalware or StixReport or StixRelationship { RelationshipType: StixRelationship.Indicates }: _collections.Add(o); break;
            }
        }

        public IndicatorCatalog Build()
        {
            var attribution = CollectionAttribution.Build(_collections);
            for (var i = 0; i < _indicators.Count; i++)
            {
                if (attribution.For(_indicators[i].Id) is { Count: > 0 } collections) { _indicators[i] = _indicators[i] with { Collections = collections }; }
            }
            return new IndicatorCatalog(_indicators);
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
