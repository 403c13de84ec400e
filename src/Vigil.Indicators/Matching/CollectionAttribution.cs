using Vigil.Indicators.Stix;

namespace Vigil.Indicators.Matching;

/// <summary>
/// Which malware and reports each indicator belongs to, built in one pass over the objects with dictionaries,
/// so attribution stays linear in the size of the bundles.
/// </summary>
internal sealed class CollectionAttribution
{
    private readonly Dictionary<string, List<IndicatorCollection>> _byIndicator = new(StringComparer.Ordinal);

    public static CollectionAttribution Build(IReadOnlyList<StixObject> objects)
    {
        var attribution = new CollectionAttribution();
        var named = new Dictionary<string, IndicatorCollection>(StringComparer.Ordinal);
        foreach (var o in objects)
        {
            if (o is StixMalware m) { named[m.Id] = new IndicatorCollection(m.Id, m.Type, m.Name ?? m.Id); }
            if (o is StixReport r) { named[r.Id] = new IndicatorCollection(r.Id, r.Type, r.Name); }
        }
        foreach (var o in objects)
        {
            if (o is StixRelationship { RelationshipType: StixRelationship.Indicates } rel && named.TryGetValue(rel.TargetRef, out var target))
            {
                attribution.Add(rel.SourceRef, target);
            }
            if (o is StixReport report)
            {
                foreach (var reference in report.ObjectRefs.Where(r => r.StartsWith("indicator--", StringComparison.Ordinal)))
                {
                    attribution.Add(reference, named[report.Id]);
                }
            }
        }
        return attribution;
    }

    /// <summary>True when no indicator belongs to any collection (a bundle of bare indicators).</summary>
    public bool IsEmpty => _byIndicator.Count == 0;

    public IReadOnlyList<IndicatorCollection> For(string indicatorId) =>
        _byIndicator.TryGetValue(indicatorId, out var collections) ? collections : [];

    private void Add(string indicatorId, IndicatorCollection collection)
    {
        if (!_byIndicator.TryGetValue(indicatorId, out var list)) { _byIndicator[indicatorId] = list = []; }
        // A bundle may state the same link twice (a relationship and a report); list each collection once.
        if (!list.Contains(collection)) { list.Add(collection); }
    }
}
