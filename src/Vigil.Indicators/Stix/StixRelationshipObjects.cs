namespace Vigil.Indicators.Stix;

/// <summary>A STIX <c>relationship</c>, for example an indicator that <c>indicates</c> a malware.</summary>
public sealed record StixRelationship : StixVersionedObject
{
    /// <summary>The relationship type that ties indicators to what they detect.</summary>
    public const string Indicates = "indicates";

    /// <inheritdoc />
    public override string Type => "relationship";

    /// <summary>The relationship's type, for example <c>indicates</c>.</summary>
    public required string RelationshipType { get; init; }

    /// <summary>The source object's id.</summary>
    public required string SourceRef { get; init; }

    /// <summary>The target object's id.</summary>
    public required string TargetRef { get; init; }

    /// <summary>A description, if any.</summary>
    public string? Description { get; init; }
}

/// <summary>A STIX <c>sighting</c>: something (usually an indicator) was seen.</summary>
public sealed record StixSighting : StixVersionedObject
{
    /// <inheritdoc />
    public override string Type => "sighting";

    /// <summary>What was seen, usually an indicator id.</summary>
    public required string SightingOfRef { get; init; }

    /// <summary>When it was first seen, if known.</summary>
    public DateTimeOffset? FirstSeen { get; init; }

    /// <summary>When it was last seen, if known.</summary>
    public DateTimeOffset? LastSeen { get; init; }

    /// <summary>How many times it was seen, if counted.</summary>
    public int? Count { get; init; }

    /// <summary>Identities (or locations) where it was seen.</summary>
    public IReadOnlyList<string> WhereSightedRefs { get; init; } = [];

    /// <summary>A description, if any.</summary>
    public string? Description { get; init; }
}
