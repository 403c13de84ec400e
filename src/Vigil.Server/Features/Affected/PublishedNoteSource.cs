using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Domain.Exposure;
using Vigil.Domain.Notes;
using Vigil.Server.Features.Notes;

namespace Vigil.Server.Features.Affected;

/// <summary>
/// Vigil's own notes as affected-query documents: published ones the caller may read (by <see cref="NoteAccess"/>).
/// Drafts are not yet advice, and a withdrawn note no longer is.
/// </summary>
public sealed class PublishedNoteSource(VigilDbContext db) : IAffectedProductSource
{
    public const string Kind = "vigil-note";

    public async Task<IReadOnlyList<AffectingDocument>> LoadAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var notes = await db.Notes.AsNoTracking().VisibleTo(user)
            .Where(n => n.Status == NoteWorkflow.Published)
            .Select(n => new { n.Id, n.Version, n.Tlp, n.Content })
            .ToListAsync(cancellationToken);
        return [.. notes.Select(note =>
        {
            var content = NoteReader.ReadStored(note.Content);
            return new AffectingDocument(note.Id, Kind, content.Title, note.Version, note.Tlp, content.Severity, content.CveIds,
                content.Countermeasures, content.Workarounds, $"/api/v1/notes/{note.Id}", [.. NoteProductEntry.From(note.Id, content)]);
        })];
    }
}
