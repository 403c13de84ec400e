namespace Vigil.Data.Entities;

/// <summary>
/// A vulnerability note as it stands: its id (such as VIGN-2026-0001), its state in the workflow and its current
/// content (RFC 8785 canonical JSON). A draft's content is edited in place; once published, the content changes only
/// with a new <see cref="NoteRevision"/>, which keeps every earlier version for good.
/// </summary>
public sealed class Note
{
    public required string Id { get; init; }
    public int Year { get; init; }
    public int Number { get; init; }
    /// <summary>draft, published or withdrawn.</summary>
    public required string Status { get; set; }
    public required string Title { get; set; }
    /// <summary>TLP 2.0 label without prefix.</summary>
    public required string Tlp { get; set; }
    public required string Content { get; set; }
    /// <summary>The CSAF version of the latest revision; null while a draft.</summary>
    public string? Version { get; set; }
    /// <summary>How many revisions the note has; guards against two revisions racing to the same number.</summary>
    public int Revisions { get; set; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
}
