namespace Vigil.Domain.Exposure;

/// <summary>
/// Affected-product entries indexed by package, CPE product and name, so that each component is compared with the
/// few entries that could concern it rather than with every entry. <see cref="ExposureRules"/> decides each pair.
/// </summary>
public sealed class ExposureIndex
{
    private readonly Dictionary<string, List<IAffectedProductEntry>> _byPurl = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<IAffectedProductEntry>> _byCpe = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<IAffectedProductEntry>> _byName = new(StringComparer.Ordinal);

    public ExposureIndex(IEnumerable<IAffectedProductEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (entry.Purl is not null)
            {
                Add(_byPurl, ExposureRules.PackageKey(entry.Purl), entry);
            }
            if (entry.Cpe is not null)
            {
                Add(_byCpe, entry.Cpe.ProductKey, entry);
            }
            foreach (var key in ExposureRules.EntryNameKeys(entry))
            {
                Add(_byName, key, entry);
            }
        }
    }

    /// <summary>
    /// Every (component, affected entry) pair where the entry covers the component, less those a fixed or not-affected
    /// entry of the same document and statement outweighs (<see cref="ExposureRules.Outweighs"/>).
    /// </summary>
    public IEnumerable<ExposureMatch> Match(IEnumerable<InventoryComponent> components)
    {
        foreach (var component in components)
        {
            var found = Candidates(component).Select(entry => ExposureRules.Match(component, entry)).OfType<ExposureMatch>().ToList();
            var exclusions = found.Where(m => m.Entry.State == ProductState.NotAffected).ToList();
            // A product a document lists under several statements (vulnerabilities) is one hit for the component.
            var reported = new HashSet<(string, string)>();
            foreach (var match in found.Where(m => m.Entry.State == ProductState.Affected))
            {
                if (!exclusions.Any(x => x.Entry.DocumentId == match.Entry.DocumentId && x.Entry.Statement == match.Entry.Statement
                    && ExposureRules.Outweighs(x.Basis, match.Basis))
                    && reported.Add((match.Entry.DocumentId, match.Entry.ProductReference)))
                {
                    yield return match;
                }
            }
        }
    }

    private IEnumerable<IAffectedProductEntry> Candidates(InventoryComponent component)
    {
        var candidates = new HashSet<IAffectedProductEntry>(ReferenceEqualityComparer.Instance);
        if (component.Purl is not null && _byPurl.TryGetValue(ExposureRules.PackageKey(component.Purl), out var byPurl))
        {
            candidates.UnionWith(byPurl);
        }
        if (component.Cpe is not null && _byCpe.TryGetValue(component.Cpe.ProductKey, out var byCpe))
        {
            candidates.UnionWith(byCpe);
        }
        if (_byName.TryGetValue(ExposureRules.ComponentNameKey(component), out var byName))
        {
            candidates.UnionWith(byName);
        }
        return candidates;
    }

    private static void Add(Dictionary<string, List<IAffectedProductEntry>> index, string key, IAffectedProductEntry entry)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }
        list.Add(entry);
    }
}
