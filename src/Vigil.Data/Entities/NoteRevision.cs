
namespace Vigil.Data.Entities;

/// <summary>
/// One immutable change to a note on the record: its publication, a revision, or its withdrawal. The content is the
/// note as it reads from this version on, in canonical JSON; the leaf commits to it with its own salt. Rows are only
/// ever inserted.
/// </summary>
public sealed class NoteRevision
{
    public long Id { get; init; }
    public required string NoteId { get; init; }
    /// <summary>1 for the publication, then one more per revision.</summary>
    public int Sequence { get; init; }
    /// <summary>note-publication, note-revision or note-withdrawal.</summary>
    public required string Kind { get; init; }
    /// <summary>The CSAF version this revision makes current, such as 1.0.0.</summary>
    public required string Version { get; init; }
    public required string Summary { get; init; }
    /// <summary>The TLP label this revision was published under (its content's), whatever the note is labelled later.</summary>
    public required string Tlp { get; init; }
    public required string ActorId { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public required string Content { get; init; }
    /// <summary>Lower-case hex SHA-256 of <see cref="Content"/> as UTF-8.</summary>
    public required string ContentSha256 { get; init; }
    public required byte[] Salt { get; init; }
    public long LeafIndex { get; init; }
}
