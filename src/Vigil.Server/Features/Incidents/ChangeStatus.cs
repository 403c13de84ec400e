using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Domain.Incidents;
using Vigil.Domain.Validation;
using Vigil.Server.Infrastructure.Http;

namespace Vigil.Server.Features.Incidents;

/// <summary>POST /api/v1/incidents/{id}/status: an analyst moves an incident along its workflow, with a reason.</summary>
public static class ChangeStatus
{
    /// <summary>The body, for the API description; the server reads it strictly itself.</summary>
    public sealed record Request(string Status, string Reason);

    public static async Task<Results<Ok<SubmissionAccepted>, ProblemHttpResult>> Handle(
        string id, HttpRequest request, ClaimsPrincipal user, VigilDbContext db, SubmissionAppender appender, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var current = await db.Incidents.AsNoTracking().Where(i => i.Id == id).Select(i => i.Status).SingleOrDefaultAsync(cancellationToken);
        if (current is null)
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
            return await ChangeAsync(id, current, document!.RootElement, user, db, appender, clock, cancellationToken);
        }
    }

    /// <summary>Reads the body strictly and appends the move (<paramref name="current"/>: the status the incident was read with): the API's and the incident page's alike.</summary>
    public static async Task<Results<Ok<SubmissionAccepted>, ProblemHttpResult>> ChangeAsync(
        string id, string current, JsonElement body, ClaimsPrincipal user, VigilDbContext db, SubmissionAppender appender, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var reader = new JsonFieldReader(clock.GetUtcNow());
        string? status = null;
        reader.Object(body, JsonPointer.Root, new Dictionary<string, Action<JsonElement, string>>
        {
            ["status"] = (v, p) => status = reader.OneOf(v, p, IncidentStatus.All, "status"),
            ["reason"] = (v, p) => reader.String(v, p, 2_000, multiline: true),
        }, "status", "reason");
        if (reader.Errors.Count > 0)
        {
            return Problems.InvalidFields(reader.Errors);
        }
        // Checked under the incident's lock, where no other analyst's move can land in between.
        var (appended, refused) = await appender.AppendAsync(id, SubmissionKind.Status, body, new JsonObject { ["status"] = status },
            user, cancellationToken, incident => IncidentStatus.CanMove(incident.Status, status!) ? [] : [new FieldError("/status", $"cannot move from {incident.Status} to {status}")]);
        return appended is not null
            ? TypedResults.Ok(await SubmitReport.AcceptedAsync(appended, db, cancellationToken))
            : Problems.Conflict("urn:vigil:problem:status-move-not-allowed", "This status move is not allowed",
                $"An incident that is {current} can move to: {string.Join(", ", IncidentStatus.MovesFrom(current))}.", refused);
    }
}
