namespace Vigil.Data.Entities;

/// <summary>
/// An incident's current view: the fold of its submissions. The columns repeat the view's fields that lists
/// filter and sort on; <see cref="View"/> holds the whole fold as JSON. Rebuilt from submissions, never edited by hand.
/// </summary>
public sealed class Incident
{
    public required string Id { get; init; }
    public required string OrganisationId { get; init; }
    public required string Title { get; set; }
    public required string Category { get; set; }
    public required string Description { get; set; }
    public required string Status { get; set; }
    public required string Tlp { get; set; }
    public string? AssigneeId { get; set; }
    public DateTimeOffset DetectedAt { get; set; }
    public DateTimeOffset? OccurredAt { get; set; }
    /// <summary>When the first report arrived.</summary>
    public DateTimeOffset ReceivedAt { get; init; }
    /// <summary>When the latest submission arrived.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>The number of submissions folded in; guards against two concurrent appends.</summary>
    public int Version { get; set; }
    public required string View { get; set; }
}
