using System.Text.Json;

namespace Vigil.Indicators.Stix;

/// <summary>
/// The TLP levels STIX objects carry. A marking reference counts when it names one of the fixed TLP 2.0 definitions
/// of the FIRST/OASIS TLP 2.0 extension, one of the four TLP 1.0 definitions of STIX 2.1 (section 7.2.1.4), or a
/// marking definition held in the same bundle that says which TLP it is. Where two of these disagree about one id,
/// the more restrictive counts, so that a bundle cannot redefine TLP:RED as something wider.
/// </summary>
public sealed class StixTlpMarkings
{
    // STIX 2.1 section 7.2.1.4; created 2017-01-20. TLP 1.0 WHITE is TLP 2.0 CLEAR; TLP 1.0 knew no AMBER+STRICT.
    private static readonly Dictionary<string, TlpLevel> Tlp1 = new(StringComparer.Ordinal)
    {
        ["marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9"] = TlpLevel.Clear,
        ["marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"] = TlpLevel.Green,
        ["marking-definition--f88d31f6-486f-44da-b317-01333bde0b82"] = TlpLevel.Amber,
        ["marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed"] = TlpLevel.Red,
    };

    private static readonly Dictionary<string, TlpLevel> WellKnown = new(
        Tlp1.Concat(Enum.GetValues<TlpLevel>().Select(level => KeyValuePair.Create(StixMarkingDefinition.ForTlp(level).Id, level))),
        StringComparer.Ordinal);

    private readonly Dictionary<string, TlpLevel> _levels;

    private StixTlpMarkings(Dictionary<string, TlpLevel> levels) => _levels = levels;

    /// <summary>The fixed TLP 2.0 and TLP 1.0 definitions only, for objects read without their bundle.</summary>
    public static StixTlpMarkings Standard { get; } = new(WellKnown);

    /// <summary>The fixed definitions and those among <paramref name="objects"/> (a bundle's) that declare a TLP level.</summary>
    /// <param name="objects">The objects of a bundle, in any order.</param>
    /// <returns>The markings to read the bundle's objects with.</returns>
    public static StixTlpMarkings Of(IEnumerable<StixObject> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var levels = new Dictionary<string, TlpLevel>(WellKnown, StringComparer.Ordinal);
        foreach (var definition in objects.OfType<StixMarkingDefinition>())
        {
            if (definition.DeclaredTlp is { } level)
            {
                levels[definition.Id] = levels.TryGetValue(definition.Id, out var known) ? Max(known, level) : level;
            }
        }
        return new StixTlpMarkings(levels);
    }

    /// <summary>The level of a fixed TLP 2.0 or TLP 1.0 marking definition; null for any other id.</summary>
    /// <param name="markingId">A marking definition's id.</param>
    /// <returns>The level, or null.</returns>
    public static TlpLevel? WellKnownLevel(string markingId) => WellKnown.TryGetValue(markingId, out var level) ? level : null;

    /// <summary>The level a marking definition id stands for here; null when it is not a TLP marking.</summary>
    /// <param name="markingId">A marking definition's id.</param>
    /// <returns>The level, or null.</returns>
    public TlpLevel? LevelOf(string markingId) => _levels.TryGetValue(markingId, out var level) ? level : null;

    /// <summary>
    /// The most restrictive TLP level an object carries, on the whole object or on any of its properties (a property
    /// marked RED makes the object, as kept whole, RED). Null when it carries none.
    /// </summary>
    /// <param name="stixObject">The object.</param>
    /// <returns>The level, or null.</returns>
    public TlpLevel? MostRestrictive(StixObject stixObject)
    {
        ArgumentNullException.ThrowIfNull(stixObject);
        TlpLevel? most = null;
        var references = stixObject.ObjectMarkingRefs.Concat(stixObject.GranularMarkings.Select(g => g.MarkingRef).OfType<string>());
        foreach (var level in references.Select(LevelOf).OfType<TlpLevel>())
        {
            most = most is { } soFar ? Max(soFar, level) : level;
        }
        return most;
    }

    /// <summary>A TLP level written loosely: <c>red</c>, <c>TLP:RED</c>, <c>amber+strict</c>, <c>white</c> (TLP 1.0 for CLEAR).</summary>
    internal static TlpLevel? ParseLevel(string? text)
    {
        if (text is null) { return null; }
        var name = text.Trim();
        if (name.StartsWith("TLP:", StringComparison.OrdinalIgnoreCase)) { name = name[4..]; }
        return name.ToUpperInvariant() switch
        {
            "CLEAR" or "WHITE" => TlpLevel.Clear,
            "GREEN" => TlpLevel.Green,
            "AMBER" => TlpLevel.Amber,
            "AMBER+STRICT" => TlpLevel.AmberStrict,
            "RED" => TlpLevel.Red,
            _ => null,
        };
    }

    /// <summary>The level a TLP 1.0 style definition (<c>definition_type</c> <c>tlp</c>, <c>definition.tlp</c>) gives.</summary>
    internal static TlpLevel? DefinitionLevel(string? definitionType, JsonElement? definition)
    {
        if (!string.Equals(definitionType, "tlp", StringComparison.OrdinalIgnoreCase) || definition is not { ValueKind: JsonValueKind.Object } body)
        {
            return null;
        }
        var levels = body.EnumerateObject()
            .Where(p => string.Equals(p.Name, "tlp", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String)
            .Select(p => ParseLevel(p.Value.GetString())).OfType<TlpLevel>().ToList();
        return levels.Count == 0 ? null : levels.Max();
    }

    private static TlpLevel Max(TlpLevel a, TlpLevel b) => a >= b ? a : b;
}
