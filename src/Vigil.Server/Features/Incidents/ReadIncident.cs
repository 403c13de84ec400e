using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
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
        return TypedResults.Ok(IncidentResponse.From(incident, await IncidentAudience.ForAsync(db, incident, cancellationToken)));
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
        return await HistoryEntriesAsync(db, incident, await IncidentAudience.ForAsync(db, incident, cancellationToken), cancellationToken);
    }

    /// <summary>The incident's submissions as <paramref name="audience"/>'s reader may read them: the API's history and the incident page alike.</summary>
    public static async Task<IReadOnlyList<HistoryEntry>> HistoryEntriesAsync(
        VigilDbContext db, Incident incident, IncidentAudience audience, CancellationToken cancellationToken)
    {
        var id = incident.Id;
        // A submission keeps the label the incident had when it was made: widening the incident later does not open
        // what was said under a narrower one.
        return [.. (await IncidentReplay.LoadAsync(db, id, cancellationToken)).Select(step =>
        {
            var s = step.Submission;
            var actor = new ActorResponse(s.ActorId, s.ActorRole, s.ActorOrganisationId);
            return audience.MayReadSaidUnder(step.After)
                ? new HistoryEntry(s.Sequence, s.Kind, s.ReceivedAt, actor, s.ContentSha256, audience.Redact(step.Content, step.After),
                    FieldChangeResponse.From(step.Changes, audience, step.Before, step.After))
                : new HistoryEntry(s.Sequence, s.Kind, s.ReceivedAt, actor, s.ContentSha256, FieldChangeResponse.Withheld(FieldLabels.LabelOf(step.After, "tlp")), []);
        })];
    }
}
