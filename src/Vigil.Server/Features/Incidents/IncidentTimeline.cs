using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Server.Infrastructure.Http;

namespace Vigil.Server.Features.Incidents;

/// <summary>
/// GET /api/v1/incidents/{id}/timeline: an incident's envelope and the order of its submissions, without content:
/// what oversight reads for every incident, and the CERT for one whose content it may not read (a RED report that
/// does not name it). Each submission says only its kind, time, the submitter's role and the names of the fields it
/// gave.
/// </summary>
public static class IncidentTimeline
{
    public sealed record TimelineEntry(int Sequence, string Kind, DateTimeOffset ReceivedAt, string ActorRole, IReadOnlyList<string> Fields, long LeafIndex);

    public sealed record TimelineResponse(
        string Id, string OrganisationId, string Status, string Tlp, DateTimeOffset ReceivedAt, DateTimeOffset UpdatedAt, IReadOnlyList<TimelineEntry> Submissions);

    public static async Task<Results<Ok<TimelineResponse>, ProblemHttpResult>> Handle(string id, VigilDbContext db, CancellationToken cancellationToken) =>
        await LoadAsync(db, id, cancellationToken) is { } timeline ? TypedResults.Ok(timeline) : Problems.NotFound("incident " + id);

    /// <summary>The timeline of an incident the caller may know of, or null; oversight's incident page shows the same.</summary>
    public static async Task<TimelineResponse?> LoadAsync(VigilDbContext db, string id, CancellationToken cancellationToken)
    {
        var incident = await db.KnownIncidents().AsNoTracking().Where(i => i.Id == id)
            .Select(i => new { i.Id, i.OrganisationId, i.Status, i.Tlp, i.ReceivedAt, i.UpdatedAt }).SingleOrDefaultAsync(cancellationToken);
        if (incident is null)
        {
            return null;
        }
        var submissions = await db.KnownSubmissions().AsNoTracking().Where(s => s.IncidentId == id).OrderBy(s => s.Sequence)
            .Select(s => new { s.Sequence, s.Kind, s.ReceivedAt, s.ActorRole, s.Content, s.LeafIndex }).ToListAsync(cancellationToken);
        // Only the names of the fields leave this method, never their values.
        var entries = submissions.Select(s => new TimelineEntry(s.Sequence, s.Kind, s.ReceivedAt, s.ActorRole,
            [.. JsonNode.Parse(s.Content)!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal)], s.LeafIndex)).ToList();
        return new TimelineResponse(incident.Id, incident.OrganisationId, incident.Status, incident.Tlp, incident.ReceivedAt, incident.UpdatedAt, entries);
    }
}
