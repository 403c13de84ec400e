using System.Text.Json;
using Vigil.Data.Entities;
using Vigil.Domain.Cvss;
using Vigil.Domain.Notes;
using Vigil.Domain.Record;
using Vigil.Server.Features.Csaf;

namespace Vigil.Server.Features.Notes;

public sealed record CvssScoreResponse(string Version, string Vector, double Score, string Severity, double? TemporalScore, double? EnvironmentalScore, string? Nomenclature)
{
    public static CvssScoreResponse From(CvssEvaluation e) =>
        new(e.Version, e.Vector, e.Score, e.Severity.ToCsafName(), e.TemporalScore, e.EnvironmentalScore, e.Nomenclature);
}

public sealed record NoteLinks(string Self, string History, string Html, string? Csaf);

/// <summary>A note as it stands: its state, its content as written, and the CVSS scores Vigil computed.</summary>
public sealed record NoteResponse(
    string Id, string Status, string? Version, string Tlp, string Title, int Revisions,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt,
    JsonElement Note, IReadOnlyList<CvssScoreResponse> Scores, NoteLinks Links)
{
    public static NoteResponse From(Note note, CsafLocations locations)
    {
        var csafUrl = note.PublishedAt is { } published ? locations.Absolute(CsafLocations.DocumentPath(note.Tlp, note.Id, published)) : null;
        using var content = JsonDocument.Parse(note.Content);
        var read = NoteReader.ReadStored(note.Content);
        return new NoteResponse(note.Id, note.Status, note.Version, note.Tlp, note.Title, note.Revisions,
            note.CreatedAt, note.UpdatedAt, note.PublishedAt, content.RootElement.Clone(),
            [.. read.Cvss.Select(CvssScoreResponse.From)],
            new NoteLinks($"/api/v1/notes/{note.Id}", $"/api/v1/notes/{note.Id}/history", $"/notes/{note.Id}", csafUrl));
    }
}

/// <summary>One revision on the record: what it made current, why, when and by whom.</summary>
public sealed record NoteRevisionResponse(
    int Revision, string Kind, string Version, string Summary, string ReceivedAt, string ActorId, long LeafIndex,
    string ContentSha256, JsonElement Note)
{
    public static NoteRevisionResponse From(NoteRevision revision)
    {
        using var content = JsonDocument.Parse(revision.Content);
        return new NoteRevisionResponse(revision.Sequence, revision.Kind, revision.Version, revision.Summary,
            SubmissionCommitment.FormatTime(revision.ReceivedAt), revision.ActorId, revision.LeafIndex, revision.ContentSha256,
            content.RootElement.Clone());
    }
}

public sealed record NoteHistoryResponse(string Id, string Status, IReadOnlyList<NoteRevisionResponse> Revisions);

/// <summary>The answer to a publication, revision or withdrawal: the note now, the revision, and its receipt.</summary>
public sealed record NoteRecordedResponse(NoteResponse Note, NoteRevisionResponse Revision, NoteReceipt Receipt);
