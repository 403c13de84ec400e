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

    /// <summary>Every (component, entry) pair where the component's version lies in an affected range.</summary>
    public IEnumerable<ExposureMatch> Match(IEnumerable<InventoryComponent> components)
    {
        foreach (var component in components)
        {
            foreach (var entry in Candidates(component))
            {
                if (ExposureRules.Match(component, entry) is { } match)
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
