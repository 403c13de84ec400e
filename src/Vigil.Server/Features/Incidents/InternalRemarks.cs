using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Domain.Validation;
using Vigil.Server.Features.Events;
using Vigil.Server.Infrastructure.Http;

namespace Vigil.Server.Features.Incidents;

/// <summary>
/// Analysts' internal remarks on an incident: on the record like everything else (a leaf of the log), but never shown
/// to the reporting organisation, whose members do not see events meant for the CERT alone.
/// </summary>
public static class InternalRemarks
{
    public const string Kind = "internal-remark";

    /// <summary>The body, for the API description; the server reads it strictly itself.</summary>
    public sealed record Request(string Text);

    public sealed record RemarkResponse(long Id, string Text, string? AuthorId, string At, long LeafIndex);

    public static async Task<Results<Created<RemarkResponse>, ProblemHttpResult>> Add(
        string id, HttpRequest request, ClaimsPrincipal user, VigilDbContext db, EventRecorder events, TimeProvider clock, CancellationToken cancellationToken)
    {
        var incident = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (incident is null)
        {
            return Problems.NotFound("incident " + id);
        }
        var (document, malformed) = await JsonBody.ReadAsync(request, cancellationToken);
        if (malformed is not null)
        {
            return malformed;
        }
        using (document)
        {
            return await AddAsync(incident, document!.RootElement, user, events, clock, cancellationToken);
        }
    }

    /// <summary>Reads a remark strictly and records it: the API's and the incident page's alike.</summary>
    public static async Task<Results<Created<RemarkResponse>, ProblemHttpResult>> AddAsync(
        Vigil.Data.Entities.Incident incident, JsonElement body, ClaimsPrincipal user, EventRecorder events, TimeProvider clock, CancellationToken cancellationToken)
    {
        var id = incident.Id;
        string? text = null;
        if (await StrictObject.ReadAsync(body, clock, r => new Dictionary<string, Action<JsonElement, string>>
        {
            ["text"] = (v, p) => text = r.String(v, p, 20_000, multiline: true),
        }, ["text"]) is { } problem)
        {
            return problem;
        }
        var recorded = await events.RecordAsync(new EventRecorder.Event(Kind, AudienceFilters.Incident, id, new JsonObject { ["text"] = text },
            incident.OrganisationId, OrganisationMayRead: false), user, cancellationToken);
        return TypedResults.Created($"/api/v1/incidents/{id}/remarks", From(recorded));
    }

    public static async Task<Results<Ok<List<RemarkResponse>>, ProblemHttpResult>> List(string id, VigilDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Incidents.AnyAsync(i => i.Id == id, cancellationToken))
        {
            return Problems.NotFound("incident " + id);
        }
        return TypedResults.Ok(await ListAsync(db, id, cancellationToken));
    }

    /// <summary>The remarks on an incident, oldest first: the API's list and the incident page's alike.</summary>
    public static async Task<List<RemarkResponse>> ListAsync(VigilDbContext db, string id, CancellationToken cancellationToken)
    {
        var remarks = await db.RecordEvents.AsNoTracking()
            .Where(e => e.ObjectKind == AudienceFilters.Incident && e.ObjectId == id && e.Kind == Kind).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        return [.. remarks.Select(From)];
    }

    private static RemarkResponse From(Vigil.Data.Entities.RecordEvent e) =>
        new(e.Id, JsonNode.Parse(e.Content)!["text"]!.GetValue<string>(), e.ActorId, Vigil.Domain.Record.SubmissionCommitment.FormatTime(e.ReceivedAt), e.LeafIndex);
}
