using System.Text.Json;

namespace Vigil.Indicators.Stix;

/// <summary>Properties every STIX object Vigil reads or writes carries.</summary>
public abstract record StixObject
{
    /// <summary>The identifier, <c>type--UUID</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The STIX type, for example <c>indicator</c>.</summary>
    public abstract string Type { get; }

    /// <summary>When the first version of the object was created.</summary>
    public required DateTimeOffset Created { get; init; }

    /// <summary>The identity that created the object, if named.</summary>
    public string? CreatedByRef { get; init; }

    /// <summary>Marking definitions (TLP) that apply to the whole object.</summary>
    public IReadOnlyList<string> ObjectMarkingRefs { get; init; } = [];

    /// <summary>Marking definitions that apply to some of the object's properties.</summary>
    public IReadOnlyList<StixGranularMarking> GranularMarkings { get; init; } = [];
}

/// <summary>A marking (or a language) that applies to the properties its selectors name.</summary>
/// <param name="MarkingRef">The marking definition's id, if this marks rather than gives a language.</param>
/// <param name="Lang">The language of the selected properties, if this gives one.</param>
/// <param name="Selectors">The selected properties, for example <c>description</c> or <c>external_references.[0]</c>.</param>
public sealed record StixGranularMarking(string? MarkingRef, string? Lang, IReadOnlyList<string> Selectors);

/// <summary>A STIX domain or relationship object, which also carries a modification time.</summary>
public abstract record StixVersionedObject : StixObject
{
    /// <summary>When this version of the object was made.</summary>
    public required DateTimeOffset Modified { get; init; }
}

/// <summary>An object of a type Vigil does not model, kept as read so that it survives a round trip.</summary>
/// <param name="Raw">The object's JSON.</param>
public sealed record StixOtherObject(JsonElement Raw) : StixObject
{
    /// <inheritdoc />
    public override string Type => Raw.GetProperty("type").GetString() ?? "";
}
