using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Notes;

namespace Vigil.Server.Features.Csaf;

/// <summary>Reads published notes with their revisions from the database, as the sources of their CSAF documents.</summary>
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
        var revisions = (await db.NoteRevisions.AsNoTracking().Where(r => ids.Contains(r.NoteId)).ToListAsync(cancellationToken))
            .ToLookup(r => r.NoteId);
        return [.. notes.Select(n => ToSource(n, revisions[n.Id]))];
    }

    public async Task<CsafSource?> FindAsync(string noteId, CancellationToken cancellationToken)
    {
        var note = await db.Notes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == noteId && n.Status != NoteWorkflow.Draft, cancellationToken);
        if (note is null)
        {
            return null;
        }
        var revisions = await db.NoteRevisions.AsNoTracking().Where(r => r.NoteId == noteId).ToListAsync(cancellationToken);
        return ToSource(note, revisions);
    }

    private static CsafSource ToSource(Note note, IEnumerable<NoteRevision> revisions) => new(
        note.Id,
        note.Status,
        NoteReader.ReadStored(note.Content),
        [.. revisions.OrderBy(r => r.Sequence).Select(r => new CsafRevision(r.Version, r.Summary, r.ReceivedAt, r.Kind))]);
}
