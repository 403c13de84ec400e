using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Domain.Incidents;
using Vigil.Domain.Regimes;
using Vigil.Domain.Validation;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Incidents;

/// <summary>POST /api/v1/incidents/{id}/updates: the reporting organisation adds what it has learnt since.</summary>
public static class SubmitUpdate
{
    /// <summary>What became of an update: appended, refused naming each bad field, or not the caller's to add to.</summary>
    public sealed record Outcome(SubmissionAppender.Appended? Appended, IReadOnlyList<FieldError> Errors, bool NotFound = false);

    public static async Task<Results<Created<SubmissionAccepted>, ProblemHttpResult>> Handle(
        string id, HttpRequest request, ClaimsPrincipal user, VigilDbContext db, SubmissionAppender appender, RegimeCatalog regimes, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!await MayAddToAsync(db, id, user, cancellationToken))
        {
            return Problems.NotFound("incident " + id);
        }
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            var outcome = await AppendAsync(id, document!.RootElement, user, db, appender, regimes, clock, cancellationToken);
            if (outcome.NotFound)
            {
                return Problems.NotFound("incident " + id);
            }
            if (outcome.Appended is not { } appended)
            {
                return Problems.InvalidFields(outcome.Errors);
            }
            return TypedResults.Created($"/api/v1/incidents/{id}/submissions/{appended.Submission.Sequence}", await SubmitReport.AcceptedAsync(appended, db, cancellationToken));
        }
    }

    /// <summary>
    /// Reading is not acting: a GREEN incident is read by the community, but only its own organisation adds to it.
    /// </summary>
    public static Task<bool> MayAddToAsync(VigilDbContext db, string id, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        db.Incidents.AnyAsync(i => i.Id == id && i.OrganisationId == user.OrganisationId(), cancellationToken);

    /// <summary>
    /// Reads an update strictly and appends it to the incident's record: the API's update and the incident page's
    /// (an update, or an answer to a request for information) go through here alike.
    /// </summary>
    public static async Task<Outcome> AppendAsync(
        string id, JsonElement body, ClaimsPrincipal user, VigilDbContext db, SubmissionAppender appender, RegimeCatalog regimes, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!await MayAddToAsync(db, id, user, cancellationToken))
        {
            return new Outcome(null, [], NotFound: true);
        }
        var read = SubmissionReader.ReadUpdate(body, clock.GetUtcNow(), regimes);
        if (!read.IsValid)
        {
            return new Outcome(null, read.Errors);
        }
        // Requests are never removed, so one found now is still there when the answer is appended.
        if (read.AnswersRequest is { } sequence
            && !await db.Submissions.AnyAsync(s => s.IncidentId == id && s.Sequence == sequence && s.Kind == SubmissionKind.Request, cancellationToken))
        {
            return new Outcome(null, [new FieldError("/answers_request", $"submission {sequence} of this incident is not a request for information")]);
        }
        var (appended, errors) = await appender.AppendAsync(id, SubmissionKind.Update, body, read.Fields, user, cancellationToken);
        return new Outcome(appended, errors);
    }
}
