using Vigil.Domain.Sharing;
using Vigil.Indicators.Stix;

namespace Vigil.Server.Features.Indicators;

/// <summary>Vigil's TLP 2.0 labels as the STIX library's levels and back: the same five, in the same order.</summary>
public static class StixLabels
{
    private static readonly Dictionary<string, TlpLevel> Levels = new(StringComparer.Ordinal)
    {
        [TlpLabel.Clear] = TlpLevel.Clear, [TlpLabel.Green] = TlpLevel.Green, [TlpLabel.Amber] = TlpLevel.Amber,
        [TlpLabel.AmberStrict] = TlpLevel.AmberStrict, [TlpLabel.Red] = TlpLevel.Red,
    };

    public static TlpLevel Level(string label) => Levels[label];

    public static string Label(TlpLevel level) => Levels.Single(pair => pair.Value == level).Key;

    /// <summary>The TLP 2.0 marking definition for a label.</summary>
    public static StixMarkingDefinition Marking(string label) => StixMarkingDefinition.ForTlp(Level(label));
}
