using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Server.Features.Csaf;
using Vigil.Server.Infrastructure.Http;
using Vigil.Csaf.Writing;

namespace Vigil.Server.Features.Notes;

/// <summary>
/// Reading notes: the list, one note, its history, one revision. The audience filter gives each caller the notes and
/// revisions it may read; a revision it may not read is a placeholder in the history and 404 on its own, and links
/// to incidents and collections it may not read are left out (<see cref="VisibleLinks"/>).
/// </summary>
public static class ReadNotes
{
    public sealed record NoteSummary(string Id, string Status, string? Version, string Tlp, string Title, DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt);

    public static async Task<Ok<List<NoteSummary>>> List(ClaimsPrincipal user, VigilDbContext db, CancellationToken cancellationToken)
    {
        var notes = await db.Notes.AsNoTracking()
            .OrderByDescending(n => n.Year).ThenByDescending(n => n.Number)
            .Select(n => new NoteSummary(n.Id, n.Status, n.Version, n.Tlp, n.Title, n.PublishedAt, n.UpdatedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(notes);
    }

    public static async Task<Results<Ok<NoteResponse>, ProblemHttpResult>> Get(
        string id, ClaimsPrincipal user, VigilDbContext db, CsafLocations locations, CancellationToken cancellationToken)
    {
        var note = await db.Notes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (note is null)
        {
            return Problems.NotFound("note " + id);
        }
        var links = await VisibleLinks.ForAsync(db, [note.Content], cancellationToken);
        return TypedResults.Ok(NoteResponse.From(note, links, locations));
    }

    public static async Task<Results<Ok<NoteHistoryResponse>, ProblemHttpResult>> History(
        string id, ClaimsPrincipal user, VigilDbContext db, CancellationToken cancellationToken)
    {
        var note = await db.Notes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (note is null)
        {
            return Problems.NotFound("note " + id);
        }
        var entries = await RevisionsForReader.ReadAsync(db, note, cancellationToken);
        var links = await VisibleLinks.ForAsync(db, entries.Select(e => e.Revision?.Content).OfType<string>(), cancellationToken);
        var showActors = RevisionsForReader.ShowsActors(db);
        return TypedResults.Ok(new NoteHistoryResponse(note.Id, note.Status, [.. entries.Select(e => NoteRevisionResponse.From(e, links, showActors))]));
    }

    public static async Task<Results<Ok<NoteRevisionResponse>, ProblemHttpResult>> Revision(
        string id, int sequence, ClaimsPrincipal user, VigilDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Notes.AsNoTracking().AnyAsync(n => n.Id == id, cancellationToken))
        {
            return Problems.NotFound("note " + id);
        }
        // The filter leaves out a revision the caller may not read: it answers as one that does not exist.
        var revision = await db.NoteRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.NoteId == id && r.Sequence == sequence, cancellationToken);
        if (revision is null)
        {
            return Problems.NotFound($"revision {sequence} of note {id}");
        }
        var links = await VisibleLinks.ForAsync(db, [revision.Content], cancellationToken);
        return TypedResults.Ok(NoteRevisionResponse.From(revision, links, RevisionsForReader.ShowsActors(db)));
    }
}
