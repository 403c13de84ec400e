namespace Vigil.Data.Entities;

/// <summary>
/// Indicators an analyst curates and shares as one STIX bundle: what they indicate (malware names), under which TLP
/// label, and which incidents they come from or concern.
/// </summary>
public sealed class IndicatorCollection
{
    public required string Id { get; init; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    /// <summary>TLP 2.0 label without prefix: CLEAR, GREEN, AMBER, AMBER+STRICT or RED.</summary>
    public required string Tlp { get; set; }
    public List<string> MalwareNames { get; set; } = [];
    public List<string> IncidentIds { get; set; } = [];
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One indicator in a collection: a STIX pattern, and the incident it was taken from, if any.</summary>
public sealed class CollectionIndicator
{
    public long Id { get; init; }
    public required string CollectionId { get; init; }
    /// <summary>The STIX id it is shared under: kept from an imported bundle, made once otherwise.</summary>
    public required string StixId { get; init; }
    public required string Pattern { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public string? SourceIncidentId { get; init; }
    public DateTimeOffset ValidFrom { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
