using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Domain.Incidents;
using Vigil.Domain.Regimes;
using Vigil.Domain.Regimes.Requests;
using Vigil.Domain.Validation;
using Vigil.Ledger.Receipts;
using Vigil.Server.Features.Compliance;
using Vigil.Server.Features.Incidents;
using Vigil.Server.Features.Ledger;
using Vigil.Server.Infrastructure.Http;

namespace Vigil.Server.Features.Requests;

/// <summary>What the record holds about a request just opened, with its receipt.</summary>
public sealed record RequestOpened(RequestResponse Request, SubmissionResponse Submission, Receipt Receipt);

public sealed record RequestList(string IncidentId, IReadOnlyList<RequestResponse> Requests);

/// <summary>
/// POST and GET /api/v1/incidents/{id}/requests. A request for information is itself a submission on the incident's
/// record (kind <c>request</c>, with its leaf in the log); the reporter answers with an update naming it.
/// </summary>
public static class InformationRequests
{
    /// <summary>The body, for the API description; the server reads it strictly itself.</summary>
    public sealed record Body(string Question, DateTimeOffset DueAt, IReadOnlyList<string>? WantedFields = null, StageReference? ForStage = null);

    public static async Task<Results<Created<RequestOpened>, ProblemHttpResult>> Open(
        string id, HttpRequest request, ClaimsPrincipal user, VigilDbContext db, SubmissionAppender appender, RegimeCatalog catalog,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var view = await db.Incidents.AsNoTracking().Where(i => i.Id == id).Select(i => i.View).SingleOrDefaultAsync(cancellationToken);
        if (view is null)
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
            return await OpenAsync(id, view, document!.RootElement, user, db, appender, catalog, clock, cancellationToken);
        }
    }

    /// <summary>
    /// Reads a request strictly and appends it to the record (<paramref name="view"/>: the incident's view, for the
    /// regimes it is filed under): the API's and the incident page's alike.
    /// </summary>
    public static async Task<Results<Created<RequestOpened>, ProblemHttpResult>> OpenAsync(
        string id, string view, JsonElement body, ClaimsPrincipal user, VigilDbContext db, SubmissionAppender appender, RegimeCatalog catalog,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var read = InformationRequestReader.Read(body, clock.GetUtcNow(), catalog);
        var errors = read.Errors.ToList();
        if (read.ForStage is { } stage && !SubmissionAnnotations.RegimeIdsOf(JsonNode.Parse(view)!.AsObject()).Contains(stage.RegimeId))
        {
            errors.Add(new FieldError("/for_stage/regime", $"the incident is not filed under {stage.RegimeId}"));
        }
        if (errors.Count > 0)
        {
            return Problems.InvalidFields(errors);
        }
        var (appended, appendErrors) = await appender.AppendAsync(id, SubmissionKind.Request, body, [], user, cancellationToken);
        if (appended is null)
        {
            return Problems.InvalidFields(appendErrors);
        }
        var opened = (await ListAsync(db, id, clock, cancellationToken)).Single(r => r.Id == appended.Submission.Sequence);
        var accepted = await SubmitReport.AcceptedAsync(appended, db, cancellationToken);
        return TypedResults.Created($"/api/v1/incidents/{id}/requests", new RequestOpened(opened, accepted.Submission, accepted.Receipt));
    }

    public static async Task<Results<Ok<RequestList>, ProblemHttpResult>> List(
        string id, ClaimsPrincipal user, VigilDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await db.Incidents.AnyAsync(i => i.Id == id, cancellationToken))
        {
            return Problems.NotFound("incident " + id);
        }
        return TypedResults.Ok(new RequestList(id, await ListAsync(db, id, clock, cancellationToken)));
    }

    /// <summary>The incident's requests and how each stands now: the API's list and the incident page alike.</summary>
    public static async Task<IReadOnlyList<RequestResponse>> ListAsync(VigilDbContext db, string id, TimeProvider clock, CancellationToken cancellationToken)
    {
        var input = await IncidentCases.LoadAsync(db, id, cancellationToken);
        return [.. RequestEvaluator.Evaluate(input, clock).Select(r => RequestResponse.From(r, input.Requests.First(q => q.Id == r.RequestId)))];
    }
}
