using System.Text.Json;

namespace Vigil.Indicators.Stix;

/// <summary>
/// A STIX <c>marking-definition</c>. TLP 2.0 markings are the fixed objects of the OASIS TLP 2.0 extension; other
/// markings (statements, TLP 1.0) keep their definition as JSON.
/// </summary>
public sealed record StixMarkingDefinition : StixObject
{
    /// <summary>The extension definition that carries TLP 2.0 levels.</summary>
    public const string Tlp2ExtensionId = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

    // The ids and creation time are fixed by the TLP 2.0 extension, so every producer writes identical objects.
    private static readonly DateTimeOffset Tlp2Created = new(2022, 10, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<TlpLevel, (string Id, string Name, string Value)> Tlp2 = new()
    {
        [TlpLevel.Clear] = ("marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", "TLP:CLEAR", "clear"),
        [TlpLevel.Green] = ("marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", "TLP:GREEN", "green"),
        [TlpLevel.Amber] = ("marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", "TLP:AMBER", "amber"),
        [TlpLevel.AmberStrict] = ("marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", "TLP:AMBER+STRICT", "amber+strict"),
        [TlpLevel.Red] = ("marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", "TLP:RED", "red"),
    };

    /// <inheritdoc />
    public override string Type => "marking-definition";

    /// <summary>The marking's name, for example <c>TLP:AMBER</c>.</summary>
    public string? Name { get; init; }

    /// <summary>The TLP 2.0 level, when this is a TLP 2.0 marking.</summary>
    public TlpLevel? Tlp { get; init; }

    /// <summary>For markings other than TLP 2.0: the definition type, for example <c>statement</c>.</summary>
    public string? DefinitionType { get; init; }

    /// <summary>For markings other than TLP 2.0: the definition object as JSON.</summary>
    public JsonElement? Definition { get; init; }

    /// <summary>
    /// The TLP level this definition says it is, read leniently: the TLP 2.0 extension, or a TLP 1.0
    /// <c>definition_type</c> <c>tlp</c> definition (<c>white</c> is CLEAR), whatever the case or a <c>TLP:</c> prefix.
    /// Null when it says none (a statement, another marking scheme).
    /// </summary>
    public TlpLevel? DeclaredTlp => Tlp ?? LenientTlp;

    // What a definition read from JSON declares beyond a well-formed TLP 2.0 extension; never written back.
    internal TlpLevel? LenientTlp { get; init; }

    /// <summary>The standard TLP 2.0 marking definition for a level.</summary>
    /// <param name="level">The TLP level.</param>
    /// <returns>The marking definition with its well-known id.</returns>
    public static StixMarkingDefinition ForTlp(TlpLevel level)
    {
        var (id, name, _) = Tlp2[level];
        return new StixMarkingDefinition { Id = id, Created = Tlp2Created, Name = name, Tlp = level };
    }

    internal static string Tlp2Value(TlpLevel level) => Tlp2[level].Value;

    internal static TlpLevel? ParseTlp2Value(string? value) =>
        Tlp2.Where(pair => pair.Value.Value == value).Select(pair => (TlpLevel?)pair.Key).FirstOrDefault();
}

/// <summary>FIRST Traffic Light Protocol 2.0 levels, from the widest audience to the narrowest (so comparable).</summary>
public enum TlpLevel
{
    /// <summary>TLP:CLEAR — may be shared freely.</summary>
    Clear,

    /// <summary>TLP:GREEN — within the community.</summary>
    Green,

    /// <summary>TLP:AMBER — within the organisation and its clients.</summary>
    Amber,

    /// <summary>TLP:AMBER+STRICT — within the organisation only.</summary>
    AmberStrict,

    /// <summary>TLP:RED — named recipients only.</summary>
    Red,
}
