using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Domain.Notes;
using Vigil.Domain.Validation;
using Vigil.Ledger.Receipts;
using Vigil.Server.Features.Csaf;
using Vigil.Server.Infrastructure.Http;
using Vigil.Csaf.Writing;

namespace Vigil.Server.Features.Notes;

/// <summary>
/// Publication, revision and withdrawal: each a new revision on the record with its leaf and receipt.
/// Publication takes an optional <c>summary</c>; a revision needs <c>summary</c> and the whole new <c>note</c>, and
/// may say its <c>significance</c> (major, minor (default) or patch); a withdrawal needs a <c>reason</c>.
/// </summary>
public static class NoteWorkflowEndpoints
{
    public sealed record PublishRequest(string? Summary);

    public sealed record ReviseRequest(string Summary, string? Significance, JsonElement Note);

    public sealed record WithdrawRequest(string Reason);

    public static Task<Results<Created<NoteRecordedResponse>, ProblemHttpResult>> Publish(
        string id, HttpRequest request, ClaimsPrincipal user, VigilDbContext db, NoteRecorder recorder, CsafLocations locations, CancellationToken cancellationToken) =>
        HandleAsync(id, request, user, db, recorder, locations, PublicationOf, cancellationToken);

    public static Task<Results<Created<NoteRecordedResponse>, ProblemHttpResult>> Revise(
        string id, HttpRequest request, ClaimsPrincipal user, VigilDbContext db, NoteRecorder recorder, CsafLocations locations, CancellationToken cancellationToken) =>
        HandleAsync(id, request, user, db, recorder, locations, (body, reader) => RevisionOf(body, reader, db, cancellationToken), cancellationToken);

    public static Task<Results<Created<NoteRecordedResponse>, ProblemHttpResult>> Withdraw(
        string id, HttpRequest request, ClaimsPrincipal user, VigilDbContext db, NoteRecorder recorder, CsafLocations locations, CancellationToken cancellationToken) =>
        HandleAsync(id, request, user, db, recorder, locations, WithdrawalOf, cancellationToken);

    /// <summary>Publishes a draft from a request body (<c>{"summary": ...}</c>): what the API and the note editor's page both run.</summary>
    public static Task<(NoteRecorder.Recorded? Recorded, ProblemHttpResult? Problem)> PublishAsync(
        string id, JsonElement body, ClaimsPrincipal user, VigilDbContext db, NoteRecorder recorder, CancellationToken cancellationToken) =>
        RecordAsync(id, body, user, db, recorder, PublicationOf, cancellationToken);

    /// <summary>Publishes a revision from a request body (<c>{"summary", "significance", "note"}</c>).</summary>
    public static Task<(NoteRecorder.Recorded? Recorded, ProblemHttpResult? Problem)> ReviseAsync(
        string id, JsonElement body, ClaimsPrincipal user, VigilDbContext db, NoteRecorder recorder, CancellationToken cancellationToken) =>
        RecordAsync(id, body, user, db, recorder, (b, reader) => RevisionOf(b, reader, db, cancellationToken), cancellationToken);

    /// <summary>Withdraws a note from a request body (<c>{"reason": ...}</c>).</summary>
    public static Task<(NoteRecorder.Recorded? Recorded, ProblemHttpResult? Problem)> WithdrawAsync(
        string id, JsonElement body, ClaimsPrincipal user, VigilDbContext db, NoteRecorder recorder, CancellationToken cancellationToken) =>
        RecordAsync(id, body, user, db, recorder, WithdrawalOf, cancellationToken);

    private static Task<(NoteRecorder.Change?, ProblemHttpResult?)> PublicationOf(JsonElement body, JsonFieldReader reader)
    {
        string? summary = null;
        reader.Object(body, "", new Dictionary<string, Action<JsonElement, string>> { ["summary"] = (v, p) => summary = reader.String(v, p, 2_000, multiline: true) });
        return Task.FromResult<(NoteRecorder.Change?, ProblemHttpResult?)>((new NoteRecorder.Change(NoteWorkflow.Publication, summary ?? "Initial release.", "major", null), null));
    }

    private static async Task<(NoteRecorder.Change?, ProblemHttpResult?)> RevisionOf(JsonElement body, JsonFieldReader reader, VigilDbContext db, CancellationToken cancellationToken)
    {
        string? summary = null, significance = "minor";
        JsonElement? note = null;
        reader.Object(body, "", new Dictionary<string, Action<JsonElement, string>>
        {
            ["summary"] = (v, p) => summary = reader.String(v, p, 2_000, multiline: true),
            ["significance"] = (v, p) => significance = reader.OneOf(v, p, NoteWorkflow.Significances, "significance"),
            ["note"] = (v, _) => note = v,
        }, "summary", "note");
        if (reader.Errors.Count > 0 || note is null)
        {
            return (null, Problems.InvalidFields(reader.Errors));
        }
        var (_, canonical, problem) = await AuthorNotes.CheckAsync(note.Value, "/note", db, cancellationToken);
        return problem is not null ? (null, problem) : (new NoteRecorder.Change(NoteWorkflow.Revision, summary!, significance!, canonical), null);
    }

    private static Task<(NoteRecorder.Change?, ProblemHttpResult?)> WithdrawalOf(JsonElement body, JsonFieldReader reader)
    {
        string? reason = null;
        reader.Object(body, "", new Dictionary<string, Action<JsonElement, string>> { ["reason"] = (v, p) => reason = reader.String(v, p, 2_000, multiline: true) }, "reason");
        return Task.FromResult<(NoteRecorder.Change?, ProblemHttpResult?)>(reason is null ? (null, null)
            : (new NoteRecorder.Change(NoteWorkflow.Withdrawal, "Withdrawn: " + reason, "major", null), null));
    }

    private static async Task<Results<Created<NoteRecordedResponse>, ProblemHttpResult>> HandleAsync(
        string id, HttpRequest request, ClaimsPrincipal user, VigilDbContext db, NoteRecorder recorder, CsafLocations locations,
        Func<JsonElement, JsonFieldReader, Task<(NoteRecorder.Change?, ProblemHttpResult?)>> readChange, CancellationToken cancellationToken)
    {
        if (!await db.Notes.AnyAsync(n => n.Id == id, cancellationToken))
        {
            return Problems.NotFound("note " + id);
        }
        var (document, bodyProblem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }
        using (document)
        {
            var (recorded, refusal) = await RecordAsync(id, document!.RootElement, user, db, recorder, readChange, cancellationToken);
            if (recorded is null)
            {
                return refusal!;
            }
            var links = await VisibleLinks.ForAsync(db, [recorded.Note.Content], cancellationToken);
            return TypedResults.Created($"/api/v1/notes/{id}/revisions/{recorded.Revision.Sequence}", new NoteRecordedResponse(
                NoteResponse.From(recorded.Note, links, locations),
                NoteRevisionResponse.From(recorded.Revision, links, RevisionsForReader.ShowsActors(db)),
                recorded.Receipt));
        }
    }

    private static async Task<(NoteRecorder.Recorded?, ProblemHttpResult?)> RecordAsync(
        string id, JsonElement body, ClaimsPrincipal user, VigilDbContext db, NoteRecorder recorder,
        Func<JsonElement, JsonFieldReader, Task<(NoteRecorder.Change?, ProblemHttpResult?)>> readChange, CancellationToken cancellationToken)
    {
        if (!await db.Notes.AnyAsync(n => n.Id == id, cancellationToken))
        {
            return (null, Problems.NotFound("note " + id));
        }
        var reader = new JsonFieldReader(DateTimeOffset.MaxValue);
        var (change, problem) = await readChange(body, reader);
        if (problem is not null || change is null || reader.Errors.Count > 0)
        {
            return (null, problem ?? Problems.InvalidFields(reader.Errors));
        }
        return await recorder.RecordAsync(id, change, user, cancellationToken);
    }
}
