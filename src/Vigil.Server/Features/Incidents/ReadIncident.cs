using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Domain.Incidents;
using Vigil.Server.Infrastructure.Http;

namespace Vigil.Server.Features.Incidents;

/// <summary>An incident, its whole history, and one of its submissions.</summary>
public static class ReadIncident
{
    public static async Task<Results<Ok<IncidentResponse>, ProblemHttpResult>> Get(
        string id, ClaimsPrincipal user, VigilDbContext db, IncidentReads reads, CancellationToken cancellationToken)
    {
        var incident = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (incident is null)
        {
            return Problems.NotFound("incident " + id);
        }
        await reads.RecordAsync(incident, "incident", user, cancellationToken);
        return TypedResults.Ok(IncidentResponse.From(incident));
    }

    /// <summary>Every submission in order, each with the fields it changed (old → new), replayed from the record.</summary>
    public static async Task<Results<Ok<IncidentHistory>, ProblemHttpResult>> History(
        string id, ClaimsPrincipal user, VigilDbContext db, IncidentReads reads, CancellationToken cancellationToken)
    {
        var entries = await LoadHistoryAsync(id, "history", user, db, reads, cancellationToken);
        return entries is null ? Problems.NotFound("incident " + id) : TypedResults.Ok(new IncidentHistory(id, entries));
    }

    public static async Task<Results<Ok<HistoryEntry>, ProblemHttpResult>> Submission(
        string id, int sequence, ClaimsPrincipal user, VigilDbContext db, IncidentReads reads, CancellationToken cancellationToken)
    {
        var entries = await LoadHistoryAsync(id, $"submission {sequence}", user, db, reads, cancellationToken);
        var entry = entries?.FirstOrDefault(e => e.Sequence == sequence);
        return entry is null ? Problems.NotFound($"submission {sequence} of incident {id}") : TypedResults.Ok(entry);
    }

    private static async Task<IReadOnlyList<HistoryEntry>?> LoadHistoryAsync(
        string id, string what, ClaimsPrincipal user, VigilDbContext db, IncidentReads reads, CancellationToken cancellationToken)
    {
        if (await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken) is not { } incident)
        {
            return null;
        }
        await reads.RecordAsync(incident, what, user, cancellationToken);
        var submissions = await db.Submissions.AsNoTracking().Where(s => s.IncidentId == id).OrderBy(s => s.Sequence).ToListAsync(cancellationToken);
        var contents = submissions.Select(s => JsonNode.Parse(s.Content)!.AsObject()).ToList();
        var view = IncidentFold.Initial();
        return [.. submissions.Select((s, i) => new HistoryEntry(
            s.Sequence, s.Kind, s.ReceivedAt, new ActorResponse(s.ActorId, s.ActorRole, s.ActorOrganisationId), s.ContentSha256,
            contents[i], FieldChangeResponse.From(IncidentFold.Apply(view, IncidentFold.FoldedPart(s.Kind, contents[i].DeepClone().AsObject())))))];
    }
}
