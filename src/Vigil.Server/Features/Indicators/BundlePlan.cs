using Vigil.Data.Entities;
using Vigil.Domain.Sharing;
using Vigil.Indicators.Stix;

namespace Vigil.Server.Features.Indicators;

/// <summary>
/// What importing a bundle into a collection would do, worked out before anything is written: the indicators it
/// would add (each with the label it would be shared under), the malware names that would join the collection, the
/// objects marked more restrictively than the collection (refused unless lowered on purpose), and the objects it
/// leaves out. The import works from this plan and the analysts' preview shows it, so the two cannot differ.
/// </summary>
public sealed record BundlePlan(
    StixBundle Bundle, IReadOnlyList<MarkedObject> Kept, IReadOnlyList<MarkedObject> Narrower, IReadOnlyList<CollectionIndicator> Candidates,
    IReadOnlyList<string> Malware)
{
    public static BundlePlan For(StixBundle bundle, IndicatorCollection collection, DateTimeOffset now)
    {
        var kept = BundleMarkings.OfKept(bundle);
        var narrower = kept.Where(k => k.Marking is { } marking && TlpLabel.WouldWiden(marking, collection.Tlp)).ToList();
        // Unmarked objects take the collection's label: the analyst chose it for what the bundle brings.
        var candidates = kept.Where(k => k.Object is StixIndicator).Select(k =>
        {
            var i = (StixIndicator)k.Object;
            var marking = narrower.Contains(k) ? collection.Tlp : k.Marking ?? collection.Tlp;
            return new CollectionIndicator
            {
                CollectionId = collection.Id, StixId = i.Id, Pattern = i.Pattern, Name = i.Name, Description = i.Description,
                ValidFrom = i.ValidFrom, CreatedAt = now, Marking = marking, Tlp = DerivedLabel.Effective(marking, null, null),
            };
        }).ToList();
        var malware = kept.Select(k => k.Object).OfType<StixMalware>().Select(m => m.Name!).Where(n => !collection.MalwareNames.Contains(n)).Distinct().ToList();
        return new BundlePlan(bundle, kept, narrower, candidates, malware);
    }

    /// <summary>The bundle's objects the import leaves out (neither an indicator nor a named malware), counted by type.</summary>
    public IReadOnlyList<(string Type, int Count)> LeftOut()
    {
        var kept = Kept.Select(k => k.Index).ToHashSet();
        return [.. Bundle.Objects.Where((o, index) => !kept.Contains(index)).GroupBy(o => o.Type).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count()))];
    }
}
