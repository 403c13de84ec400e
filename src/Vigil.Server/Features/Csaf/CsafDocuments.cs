using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Notes;
using Vigil.Csaf.Writing;

namespace Vigil.Server.Features.Csaf;

/// <summary>
/// Reads published notes with their revisions from the database, as the sources of their CSAF documents. The notes
/// are those the caller may read; all their revisions are read, whatever each one's label, because a valid document
/// lists every revision with consecutive numbers. What a revision under a narrower label said stays out of the document
/// (<see cref="CsafRevision.SummaryUnder"/>), so every reader gets the same bytes.
/// </summary>
public sealed class CsafDocuments(VigilDbContext db)
{
    /// <summary>Every published or withdrawn note whose label is one of <paramref name="labels"/>, oldest first.</summary>
    public async Task<List<CsafSource>> PublishedAsync(IReadOnlyList<string> labels, CancellationToken cancellationToken)
    {
        var allowed = labels.ToList();
        var notes = await db.Notes.AsNoTracking()
            .Where(n => n.Status != NoteWorkflow.Draft && allowed.Contains(n.Tlp))
            .OrderBy(n => n.PublishedAt).ThenBy(n => n.Id)
            .ToListAsync(cancellationToken);
        var ids = notes.Select(n => n.Id).ToList();
        var revisions = (await RevisionsAsync(r => ids.Contains(r.NoteId), cancellationToken)).ToLookup(r => r.NoteId, r => r.Revision);
        return [.. notes.Select(n => ToSource(n, revisions[n.Id]))];
    }

    public async Task<CsafSource?> FindAsync(string noteId, CancellationToken cancellationToken)
    {
        var note = await db.Notes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == noteId && n.Status != NoteWorkflow.Draft, cancellationToken);
        if (note is null)
        {
            return null;
        }
        var revisions = await RevisionsAsync(r => r.NoteId == noteId, cancellationToken);
        return ToSource(note, revisions.Select(r => r.Revision));
    }

    /// <summary>
    /// The revisions of notes the caller has read through the audience filter, read past it (every label) and only
    /// as far as a document lists them: number, date, kind, label and summary, in order.
    /// </summary>
    private async Task<List<(string NoteId, CsafRevision Revision)>> RevisionsAsync(
        Expression<Func<NoteRevision, bool>> ofNotes, CancellationToken cancellationToken)
    {
        var rows = await db.NoteRevisions.AsNoTracking().IgnoreQueryFilters([AudienceFilters.Name]).Where(ofNotes)
            .OrderBy(r => r.NoteId).ThenBy(r => r.Sequence)
            .Select(r => new { r.NoteId, r.Version, r.Summary, r.ReceivedAt, r.Kind, r.Tlp })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.NoteId, new CsafRevision(r.Version, r.Summary, r.ReceivedAt, r.Kind, r.Tlp)))];
    }

    private static CsafSource ToSource(Note note, IEnumerable<CsafRevision> revisions) =>
        new(note.Id, note.Status, NoteReader.ReadStored(note.Content), [.. revisions]);
}
