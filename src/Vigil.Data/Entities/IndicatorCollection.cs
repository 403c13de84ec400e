
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
    /// <summary>The indicator's own TLP label: its STIX marking when imported, the collection's label when added here.</summary>
    public required string Marking { get; set; }
    /// <summary>The label of what it was taken from (the incident, or its indicators field), kept in step with it.</summary>
    public string? SourceTlp { get; set; }
    /// <summary>The label an analyst released it under, on the record, below its marking or its source's.</summary>
    public string? ReleasedTlp { get; set; }
    /// <summary>The label it is read and shared under: the released label if any, else the narrower of marking and source.</summary>
    public required string Tlp { get; set; }
    public DateTimeOffset ValidFrom { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
