using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Domain.Incidents;
using Vigil.Domain.Regimes;
using Vigil.Domain.Validation;
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
        return TypedResults.Ok((await EvaluateAsync(db, [id], catalog, clock, cancellationToken))[id]);
    }

    /// <summary>
    /// The compliance of each incident named (that the caller may know of), as <c>GET .../compliance</c> answers it;
    /// lists of incidents show their next deadlines from the same evaluation.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, CaseComplianceResponse>> EvaluateAsync(
        VigilDbContext db, IReadOnlyCollection<string> incidentIds, RegimeCatalog catalog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var cases = await IncidentCases.LoadAsync(db, incidentIds, cancellationToken);
        return cases.ToDictionary(c => c.Key, c =>
        {
            var evaluation = RegimeEvaluator.EvaluateCase(IncidentCases.RegimesOf(c.Value, catalog), c.Value, clock);
            return CaseComplianceResponse.From(c.Key, clock.GetUtcNow(), c.Value, evaluation);
        });
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
            var (preview, errors) = PreviewOf(document!.RootElement, catalog, clock);
            return preview is null ? Problems.InvalidFields(errors) : TypedResults.Ok(preview);
        }
    }

    /// <summary>The preview of a draft (the body of a report as it stands), or every problem the draft has.</summary>
    public static (CaseComplianceResponse? Preview, IReadOnlyList<FieldError> Errors) PreviewOf(JsonElement draftBody, RegimeCatalog catalog, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var read = SubmissionReader.ReadDraft(draftBody, now, catalog);
        var view = IncidentFold.Initial();
        IncidentFold.Apply(view, read.Fields);
        var errors = read.Errors.Concat(IncidentConsistency.Check(view, read.Fields)).ToList();
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var draft = new RecordedSubmission(1, SubmissionKinds.Report, now, JsonNode.Parse(draftBody.GetRawText())!.AsObject());
        var input = new RegimeCase(RegimeCaseBuilder.ClockEventsOf(view), [RegimeCaseBuilder.Filed(draft, view)], []);
        var evaluation = RegimeEvaluator.EvaluateCase(IncidentCases.RegimesOf(view, catalog), input, clock);
        return (CaseComplianceResponse.From(null, now, input, evaluation), []);
    }
}
