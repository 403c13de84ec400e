using Vigil.Indicators.Artefacts;
using Vigil.Indicators.Matching;
using Vigil.Indicators.Stix;

namespace Vigil.Indicators.Tests.Matching;

/// <summary>Builds catalogues from bare patterns and scans text with them.</summary>
internal static class IndicatorSets
{
    private static readonly DateTimeOffset Created = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static IndicatorCatalog Of(params string[] patterns) => IndicatorCatalog.FromBundles(
    [
        new StixBundle("bundle--00000000-0000-4000-8000-000000000000", patterns.Select((p, i) => (StixObject)new StixIndicator
        {
            Id = $"indicator--{i}", Created = Created, Modified = Created, ValidFrom = Created, Pattern = p,
        }).ToList()),
    ]);

    public static List<IndicatorHit> ScanText(IndicatorCatalog catalog, string text, string name = "artefact.log")
    {
        var hits = new List<IndicatorHit>();
        new ArtefactScanner(catalog).Scan(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), name, hits.Add);
        return hits;
    }
}
