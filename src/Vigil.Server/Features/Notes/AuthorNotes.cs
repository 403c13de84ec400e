using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Json;
using Vigil.Domain.Notes;
using Vigil.Server.Features.Csaf;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Infrastructure.Storage;
using Vigil.Csaf.Writing;

namespace Vigil.Server.Features.Notes;

/// <summary>POST /api/v1/notes opens a draft with the next id; PUT /api/v1/notes/{id} rewrites a draft whole.</summary>
public static class AuthorNotes
{
    public static async Task<Results<Created<NoteResponse>, ProblemHttpResult>> Create(
        HttpRequest request, ClaimsPrincipal user, VigilDbContext db, WriteTransactions writes, IOptions<NotesOptions> options,
        CsafLocations locations, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (document, bodyProblem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }
        using (document)
        {
            var (note, problem) = await CreateDraftAsync(document!.RootElement, user, db, writes, options.Value, clock, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }
            var links = await VisibleLinks.ForAsync(db, [note!.Content], cancellationToken);
            return TypedResults.Created($"/api/v1/notes/{note.Id}", NoteResponse.From(note, links, locations));
        }
    }

    /// <summary>Opens a draft from a whole note body: what the API's POST and the note editor's page both run.</summary>
    public static async Task<(Note? Note, ProblemHttpResult? Problem)> CreateDraftAsync(
        JsonElement body, ClaimsPrincipal user, VigilDbContext db, WriteTransactions writes, NotesOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (content, canonical, problem) = await CheckAsync(body, "", db, cancellationToken);
        if (problem is not null)
        {
            return (null, problem);
        }
        var note = await NoteTransactions.RunAsync(db, writes, async () =>
        {
            var now = clock.GetUtcNow();
            var year = now.UtcDateTime.Year;
            if (db.Database.IsNpgsql())
            {
                // Numbers are handed out in turn across servers sharing the database.
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('vigil-note-ids'))", cancellationToken);
            }
            // Numbers are handed out over every note, whoever may read it: a RED note another analyst is not named on
            // still holds its number.
            var number = (await db.Notes.IgnoreQueryFilters([AudienceFilters.Name]).Where(n => n.Year == year).MaxAsync(n => (int?)n.Number, cancellationToken) ?? 0) + 1;
            var created = new Note
            {
                Id = options.Format(year, number),
                Year = year,
                Number = number,
                Status = NoteWorkflow.Draft,
                Title = content!.Title,
                Tlp = content.Tlp,
                Content = canonical!,
                CreatedBy = user.UserId(),
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Notes.Add(created);
            AccessGrants.NameAuthor(db, AudienceFilters.Note, created.Id, created.CreatedBy, now);
            await db.SaveChangesAsync(cancellationToken);
            return created;
        }, _ => true, cancellationToken);
        return (note, null);
    }

    public static async Task<Results<Ok<NoteResponse>, ProblemHttpResult>> EditDraft(
        string id, HttpRequest request, VigilDbContext db, CsafLocations locations, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (document, bodyProblem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (bodyProblem is not null)
        {
            // The note's own refusals come before the body's, as they always have.
            var existing = await db.Notes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
            return existing is null ? Problems.NotFound("note " + id) : existing.Status != NoteWorkflow.Draft ? NoteStateRules.DraftOnly(existing) : bodyProblem;
        }
        using (document)
        {
            var (note, problem) = await EditDraftAsync(id, document!.RootElement, db, clock, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }
            var links = await VisibleLinks.ForAsync(db, [note!.Content], cancellationToken);
            return TypedResults.Ok(NoteResponse.From(note, links, locations));
        }
    }

    /// <summary>Rewrites a draft whole: what the API's PUT and the note editor's page both run.</summary>
    public static async Task<(Note? Note, ProblemHttpResult? Problem)> EditDraftAsync(
        string id, JsonElement body, VigilDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var note = await db.Notes.SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (note is null)
        {
            return (null, Problems.NotFound("note " + id));
        }
        if (note.Status != NoteWorkflow.Draft)
        {
            return (null, NoteStateRules.DraftOnly(note));
        }
        var (content, canonical, problem) = await CheckAsync(body, "", db, cancellationToken);
        if (problem is not null)
        {
            return (null, problem);
        }
        note.Content = canonical!;
        note.Title = content!.Title;
        note.Tlp = content.Tlp;
        note.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return (note, null);
    }

    /// <summary>Reads and checks a whole note body; answers its canonical JSON, or the problem naming every bad field.</summary>
    public static async Task<(NoteContent? Content, string? Canonical, ProblemHttpResult? Problem)> ReadAsync(
        HttpRequest request, VigilDbContext db, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return (null, null, problem);
        }
        using (document)
        {
            return await CheckAsync(document!.RootElement, "", db, cancellationToken);
        }
    }

    public static async Task<(NoteContent? Content, string? Canonical, ProblemHttpResult? Problem)> CheckAsync(
        JsonElement body, string pointerPrefix, VigilDbContext db, CancellationToken cancellationToken)
    {
        var (content, errors) = NoteReader.Read(body);
        if (content is null)
        {
            return (null, null, Problems.InvalidFields(errors.Select(e => e with { Pointer = pointerPrefix + e.Pointer })));
        }
        var linkErrors = await NoteLinkCheck.CheckAsync(db, content, pointerPrefix, cancellationToken);
        return linkErrors.Count > 0
            ? (null, null, Problems.InvalidFields(linkErrors))
            : (content, CanonicalJson.Serialize(body), null);
    }
}
