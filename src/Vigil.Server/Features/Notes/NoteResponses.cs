using System.Text.Json;
using System.Text.Json.Serialization;
using Vigil.Data.Entities;
using Vigil.Domain.Cvss;
using Vigil.Domain.Notes;
using Vigil.Domain.Record;
using Vigil.Ledger.Receipts;
using Vigil.Server.Features.Csaf;
using Vigil.Csaf.Writing;

namespace Vigil.Server.Features.Notes;

public sealed record CvssScoreResponse(string Version, string Vector, double Score, string Severity, double? TemporalScore, double? EnvironmentalScore, string? Nomenclature)
{
    public static CvssScoreResponse From(CvssEvaluation e) =>
        new(e.Version, e.Vector, e.Score, e.Severity.ToCsafName(), e.TemporalScore, e.EnvironmentalScore, e.Nomenclature);
}

public sealed record NoteLinks(string Self, string History, string Html, string? Csaf);

/// <summary>
/// A note as it stands: its state, its content as written (less the links the reader may not see, see
/// <see cref="VisibleLinks"/>), and the CVSS scores Vigil computed.
/// </summary>
public sealed record NoteResponse(
    string Id, string Status, string? Version, string Tlp, string Title, int Revisions,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt,
    JsonElement Note, IReadOnlyList<CvssScoreResponse> Scores, NoteLinks Links)
{
    public static NoteResponse From(Note note, VisibleLinks links, CsafLocations locations)
    {
        var csafUrl = note.PublishedAt is { } published ? locations.Absolute(CsafLocations.DocumentPath(note.Tlp, note.Id, published)) : null;
        var read = NoteReader.ReadStored(note.Content);
        return new NoteResponse(note.Id, note.Status, note.Version, note.Tlp, note.Title, note.Revisions,
            note.CreatedAt, note.UpdatedAt, note.PublishedAt, links.Show(note.Content),
            [.. read.Cvss.Select(CvssScoreResponse.From)],
            new NoteLinks($"/api/v1/notes/{note.Id}", $"/api/v1/notes/{note.Id}/history", $"/notes/{note.Id}", csafUrl));
    }
}

/// <summary>
/// One revision on the record: what it made current, why, when, under which label and (for CERT staff) by whom. A
/// revision withheld from the reader (<see cref="RevisionsForReader"/>) shows only its number, version, date and label.
/// </summary>
public sealed record NoteRevisionResponse(
    int Revision,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Kind,
    string Version,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Summary,
    string ReceivedAt,
    string Tlp,
    bool Withheld,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ActorId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? LeafIndex,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ContentSha256,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonElement? Note)
{
    /// <param name="showActor">Whether the reader is CERT staff: nobody else learns which analyst recorded it.</param>
    public static NoteRevisionResponse From(NoteRevision revision, VisibleLinks links, bool showActor) =>
        new(revision.Sequence, revision.Kind, revision.Version, revision.Summary, SubmissionCommitment.FormatTime(revision.ReceivedAt),
            revision.Tlp, Withheld: false, showActor ? revision.ActorId : null, revision.LeafIndex, revision.ContentSha256,
            links.Show(revision.Content));

    public static NoteRevisionResponse From(RevisionsForReader.Entry entry, VisibleLinks links, bool showActor) =>
        entry.Revision is { } revision ? From(revision, links, showActor)
            : new(entry.Sequence, null, entry.Version, null, SubmissionCommitment.FormatTime(entry.ReceivedAt), entry.Tlp, Withheld: true,
                null, null, null, null);
}

public sealed record NoteHistoryResponse(string Id, string Status, IReadOnlyList<NoteRevisionResponse> Revisions);

/// <summary>The answer to a publication, revision or withdrawal: the note now, the revision, and its receipt.</summary>
public sealed record NoteRecordedResponse(NoteResponse Note, NoteRevisionResponse Revision, NoteReceipt Receipt);
