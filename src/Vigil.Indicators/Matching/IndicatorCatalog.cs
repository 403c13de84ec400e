using Vigil.Indicators.Patterns;
using Vigil.Indicators.Stix;

namespace Vigil.Indicators.Matching;

/// <summary>
/// The indicators to scan for, each attributed to its collections (malware through <c>indicates</c>
/// relationships, reports through <c>object_refs</c>) and compiled for matching.
/// </summary>
public sealed class IndicatorCatalog
{
    private readonly IndicatorStore _store;

    private IndicatorCatalog(IndicatorStore store, IndicatorIndex index)
    {
        _store = store;
        Index = index;
    }

    /// <summary>Every indicator, supported or not. Each is made when asked for: keep what you need.</summary>
    public IReadOnlyList<CatalogedIndicator> Indicators => _store;

    /// <summary>How many indicators can be matched in full.</summary>
    public int Matchable => _store.Supported;

    /// <summary>The indicators that cannot be matched in full, each with its reasons.</summary>
    public IEnumerable<CatalogedIndicator> Unsupported => _store.Unsupported;

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

    // Compiles indicators as they are added, into the index, and keeps only the objects that name collections;
    // attribution needs every relationship and report, wherever in the bundles they are, so it is applied at the end.
    private sealed class Builder
    {
        private readonly IndicatorStore _store = new();
        private readonly IndicatorIndex _index;
        private readonly List<StixObject> _collections = [];

        public Builder() => _index = new IndicatorIndex(_store);

        public void Add(StixObject o)
        {
            switch (o)
            {
                case StixIndicator indicator: Compile(indicator); break;
                case StixMalware or StixReport or StixRelationship { RelationshipType: StixRelationship.Indicates }: _collections.Add(o); break;
            }
        }

        public IndicatorCatalog Build()
        {
            var attribution = CollectionAttribution.Build(_collections);
            // Ids are kept as bytes; they are made into strings only when some collection may claim them.
            for (var i = 0; !attribution.IsEmpty && i < _store.Count; i++)
            {
                if (attribution.For(_store.Id(i)) is { Count: > 0 } collections) { _store.SetCollections(i, collections); }
            }
            _index.Complete();
            return new IndicatorCatalog(_store, _index);
        }

        private void Compile(StixIndicator indicator)
        {
            if (indicator.PatternType != "stix")
            {
                _store.Add(indicator.Id, indicator.Name, indicator.Pattern, [$"pattern type '{indicator.PatternType}' is not supported"]);
                return;
            }
            if (!PatternParser.TryParse(indicator.Pattern, out var pattern, out var error))
            {
                _store.Add(indicator.Id, indicator.Name, indicator.Pattern, [$"invalid pattern: {error!.Message}"]);
                return;
            }
            var (clauses, problems) = PatternCompiler.Compile(pattern!);
            var number = _store.Add(indicator.Id, indicator.Name, indicator.Pattern, problems.Count == 0 ? [] : problems);
            if (problems.Count == 0) { _index.Add(number, clauses); }
        }
    }
}
