using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Domain.Validation;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Incidents;

/// <summary>POST /api/v1/incidents/{id}/assignment: an analyst gives the incident to an analyst (or to nobody, with null).</summary>
public static class AssignIncident
{
    /// <summary>The body, for the API description; the server reads it strictly itself.</summary>
    public sealed record Request(string? AssigneeId, string? Reason);

    public static async Task<Results<Ok<SubmissionAccepted>, ProblemHttpResult>> Handle(
        string id, HttpRequest request, ClaimsPrincipal user, VigilDbContext db, SubmissionAppender appender, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!await db.Incidents.AnyAsync(i => i.Id == id, cancellationToken))
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
            return await AssignAsync(id, document!.RootElement, user, db, appender, clock, cancellationToken);
        }
    }

    /// <summary>Reads the body strictly and appends the assignment: the API's and the incident page's alike.</summary>
    public static async Task<Results<Ok<SubmissionAccepted>, ProblemHttpResult>> AssignAsync(
        string id, JsonElement body, ClaimsPrincipal user, VigilDbContext db, SubmissionAppender appender, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var reader = new JsonFieldReader(clock.GetUtcNow());
        string? assignee = null;
        reader.Object(body, JsonPointer.Root, new Dictionary<string, Action<JsonElement, string>>
        {
            ["assignee_id"] = (v, p) => assignee = v.ValueKind == JsonValueKind.Null ? null : reader.String(v, p, 36),
            ["reason"] = (v, p) => reader.String(v, p, 2_000, multiline: true),
        }, "assignee_id");
        if (assignee is not null && !await db.Users.AnyAsync(u => u.Id == assignee && u.Role == Roles.Analyst, cancellationToken))
        {
            reader.Fail("/assignee_id", $"'{assignee}' is not an analyst");
        }
        if (reader.Errors.Count > 0)
        {
            return Problems.InvalidFields(reader.Errors);
        }
        var fields = new JsonObject { ["assignee_id"] = assignee };
        var (appended, errors) = await appender.AppendAsync(id, SubmissionKind.Assignment, body, fields, user, cancellationToken);
        return appended is null ? Problems.InvalidFields(errors) : TypedResults.Ok(await SubmitReport.AcceptedAsync(appended, db, cancellationToken));
    }
}
