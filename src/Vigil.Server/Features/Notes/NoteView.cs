using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Notes;

namespace Vigil.Server.Features.Notes;

/// <summary>
/// A note as its page shows it to one reader: read as the API reads it (through the audience filter: a note the reader
/// may not read is not found), its revisions as <see cref="RevisionsForReader"/> gives them, and the indicator
/// collections it links that the reader may read (<see cref="VisibleLinks"/>), with their names.
/// </summary>
public sealed record NoteView(Note Note, NoteContent Content, IReadOnlyList<RevisionsForReader.Entry> Revisions,
    IReadOnlyList<(string Id, string Name)> Collections)
{
    public static async Task<NoteView?> ReadAsync(VigilDbContext db, string id, CancellationToken cancellationToken)
    {
        var note = await db.Notes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (note is null)
        {
            return null;
        }
        var content = NoteReader.ReadStored(note.Content);
        var revisions = await RevisionsForReader.ReadAsync(db, note, cancellationToken);
        var links = await VisibleLinks.ForAsync(db, [note.Content], cancellationToken);
        var shown = links.Collections(content.IndicatorCollectionIds).ToList();
        var collections = shown.Count == 0 ? []
            : await db.IndicatorCollections.AsNoTracking().Where(c => shown.Contains(c.Id)).OrderBy(c => c.Name)
                .Select(c => new ValueTuple<string, string>(c.Id, c.Name)).ToListAsync(cancellationToken);
        return new NoteView(note, content, revisions, collections);
    }

    /// <summary>Why the note was withdrawn, as its withdrawal says, when the reader may read that revision.</summary>
    public string? WithdrawalReason => Note.Status == NoteWorkflow.Withdrawn
        ? Revisions.LastOrDefault(r => r.Revision?.Kind == NoteWorkflow.Withdrawal)?.Revision!.Summary : null;
}
