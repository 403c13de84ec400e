using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Domain.Incidents;
using Vigil.Domain.Regimes;
using Vigil.Server.Features.Incidents;
using Vigil.Server.Infrastructure.Http;

namespace Vigil.Server.Features.Compliance;

/// <summary>GET /api/v1/incidents/{id}/compliance and POST /api/v1/incidents/preview.</summary>
public static class IncidentCompliance
{
    /// <summary>Each regime the incident is filed under: every stage's due time, state, meeting submission and gaps.</summary>
    public static async Task<Results<Ok<CaseComplianceResponse>, ProblemHttpResult>> Get(
        string id, ClaimsPrincipal user, VigilDbContext db, RegimeCatalog catalog, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await db.KnownIncidents().AnyAsync(i => i.Id == id, cancellationToken))
        {
            return Problems.NotFound("incident " + id);
        }
        return TypedResults.Ok(await EvaluateAsync(db, id, catalog, clock, cancellationToken));
    }

    /// <summary>The incident under each regime it is filed under, as of now: the API's answer and the incident page alike.</summary>
    public static async Task<CaseComplianceResponse> EvaluateAsync(
        VigilDbContext db, string id, RegimeCatalog catalog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var input = await IncidentCases.LoadAsync(db, id, cancellationToken);
        var evaluation = RegimeEvaluator.EvaluateCase(IncidentCases.RegimesOf(input, catalog), input, clock);
        return CaseComplianceResponse.From(id, clock.GetUtcNow(), input, evaluation);
    }

    /// <summary>
    /// Evaluates a draft report as if it were filed now, and saves nothing: when each stage of each regime the draft
    /// names is due, and which required fields the draft still leaves out.
    /// </summary>
    public static async Task<Results<Ok<CaseComplianceResponse>, ProblemHttpResult>> Preview(
        HttpRequest request, RegimeCatalog catalog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            var now = clock.GetUtcNow();
            var read = SubmissionReader.ReadDraft(document!.RootElement, now, catalog);
            var view = IncidentFold.Initial();
            IncidentFold.Apply(view, read.Fields);
            var errors = read.Errors.Concat(IncidentConsistency.Check(view, read.Fields)).ToList();
            if (errors.Count > 0)
            {
                return Problems.InvalidFields(errors);
            }
            var draft = new RecordedSubmission(1, SubmissionKinds.Report, now, JsonNode.Parse(document.RootElement.GetRawText())!.AsObject());
            var input = new RegimeCase(RegimeCaseBuilder.ClockEventsOf(view), [RegimeCaseBuilder.Filed(draft, view)], []);
            var evaluation = RegimeEvaluator.EvaluateCase(IncidentCases.RegimesOf(view, catalog), input, clock);
            return TypedResults.Ok(CaseComplianceResponse.From(null, now, input, evaluation));
        }
    }
}
