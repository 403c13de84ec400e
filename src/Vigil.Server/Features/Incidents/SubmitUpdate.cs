using System.Security.Claims;
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
    public static async Task<Results<Created<SubmissionAccepted>, ProblemHttpResult>> Handle(
        string id, HttpRequest request, ClaimsPrincipal user, VigilDbContext db, SubmissionAppender appender, RegimeCatalog regimes, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        // Reading is not acting: a GREEN incident is read by the community, but only its own organisation adds to it.
        if (!await db.Incidents.AnyAsync(i => i.Id == id && i.OrganisationId == user.OrganisationId(), cancellationToken))
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
            var read = SubmissionReader.ReadUpdate(document!.RootElement, clock.GetUtcNow(), regimes);
            if (!read.IsValid)
            {
                return Problems.InvalidFields(read.Errors);
            }
            // Requests are never removed, so one found now is still there when the answer is appended.
            if (read.AnswersRequest is { } sequence
                && !await db.Submissions.AnyAsync(s => s.IncidentId == id && s.Sequence == sequence && s.Kind == SubmissionKind.Request, cancellationToken))
            {
                return Problems.InvalidFields([new FieldError("/answers_request", $"submission {sequence} of this incident is not a request for information")]);
            }
            var (appended, errors) = await appender.AppendAsync(id, SubmissionKind.Update, document.RootElement, read.Fields, user, cancellationToken);
            if (appended is null)
            {
                return Problems.InvalidFields(errors);
            }
            return TypedResults.Created($"/api/v1/incidents/{id}/submissions/{appended.Submission.Sequence}", await SubmitReport.AcceptedAsync(appended, db, cancellationToken));
        }
    }
}
