using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Vigil.Data;
using Vigil.Domain.Incidents;
using Vigil.Domain.Regimes;
using Vigil.Domain.Validation;
using Vigil.Ledger.Receipts;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Incidents;

/// <summary>POST /api/v1/incidents: a reporter files a new incident for its organisation.</summary>
public static class SubmitReport
{
    public static async Task<Results<Created<SubmissionAccepted>, ProblemHttpResult>> Handle(
        HttpRequest request, ClaimsPrincipal user, SubmissionAppender appender, VigilDbContext db, RegimeCatalog regimes, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            var (appended, errors) = await FileAsync(document!.RootElement, user, appender, regimes, clock, cancellationToken);
            if (appended is null)
            {
                return Problems.InvalidFields(errors);
            }
            return TypedResults.Created($"/api/v1/incidents/{appended.Incident.Id}", await AcceptedAsync(appended, db, cancellationToken));
        }
    }

    /// <summary>
    /// Reads a report strictly and files it for the reporter's organisation: the one way a report is filed, whether it
    /// came to the API or from the new report page.
    /// </summary>
    public static async Task<(SubmissionAppender.Appended? Appended, IReadOnlyList<FieldError> Errors)> FileAsync(
        JsonElement body, ClaimsPrincipal user, SubmissionAppender appender, RegimeCatalog regimes, TimeProvider clock, CancellationToken cancellationToken)
    {
        var read = SubmissionReader.ReadReport(body, clock.GetUtcNow(), regimes);
        if (!read.IsValid)
        {
            return (null, read.Errors);
        }
        var organisationId = user.OrganisationId() ?? throw new InvalidOperationException("A reporter always belongs to an organisation.");
        return await appender.OpenAsync(organisationId, body, read.Fields, user, cancellationToken);
    }

    /// <summary>The answer to a submission, as its submitter may read it: a field labelled narrower than it may read is withheld.</summary>
    public static async Task<SubmissionAccepted> AcceptedAsync(SubmissionAppender.Appended appended, VigilDbContext db, CancellationToken cancellationToken)
    {
        var audience = await IncidentAudience.ForAsync(db, appended.Incident, cancellationToken);
        return new(
            IncidentResponse.From(appended.Incident, audience),
            new SubmissionResponse(appended.Incident.Id, appended.Submission.Sequence, appended.Submission.Kind, appended.Submission.ReceivedAt,
                appended.Submission.ContentSha256, FieldChangeResponse.From(appended.Changes, audience, appended.Before, audience.Now)),
            appended.Receipt,
            appended.CosignedReceipt);
    }
}
