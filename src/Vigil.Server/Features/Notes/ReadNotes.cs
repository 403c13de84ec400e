using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Server.Features.Csaf;
using Vigil.Server.Infrastructure.Http;

namespace Vigil.Server.Features.Notes;

/// <summary>Reading notes: the list, one note, its history, one revision; each narrowed by <see cref="NoteAccess"/>.</summary>
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
        return note is null ? Problems.NotFound("note " + id) : TypedResults.Ok(NoteResponse.From(note, locations));
    }

    public static async Task<Results<Ok<NoteHistoryResponse>, ProblemHttpResult>> History(
        string id, ClaimsPrincipal user, VigilDbContext db, CancellationToken cancellationToken)
    {
        var note = await db.Notes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (note is null)
        {
            return Problems.NotFound("note " + id);
        }
        var revisions = await db.NoteRevisions.AsNoTracking().Where(r => r.NoteId == id).OrderBy(r => r.Sequence).ToListAsync(cancellationToken);
        return TypedResults.Ok(new NoteHistoryResponse(note.Id, note.Status, [.. revisions.Select(NoteRevisionResponse.From)]));
    }

    public static async Task<Results<Ok<NoteRevisionResponse>, ProblemHttpResult>> Revision(
        string id, int sequence, ClaimsPrincipal user, VigilDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Notes.AsNoTracking().AnyAsync(n => n.Id == id, cancellationToken))
        {
            return Problems.NotFound("note " + id);
        }
        var revision = await db.NoteRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.NoteId == id && r.Sequence == sequence, cancellationToken);
        return revision is null ? Problems.NotFound($"revision {sequence} of note {id}") : TypedResults.Ok(NoteRevisionResponse.From(revision));
    }
}
