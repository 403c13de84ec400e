using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Record;
using Vigil.Server.Infrastructure.Http;

namespace Vigil.Server.Features.Incidents;

/// <summary>
/// GET /api/v1/incidents/{id}/reads: who outside the organisation read the incident or downloaded its files, and
/// when ("the CERT viewed this"), for the organisation and the CERT. Each entry is an event on the record.
/// </summary>
public static class IncidentReadLog
{
    public sealed record ReadResponse(string At, string? ReaderId, string? ReaderRole, string? ReaderOrganisationId, string Kind, string? What, long LeafIndex);

    private static readonly string[] Kinds = [IncidentReads.Kind, "attachment-downloaded"];

    public static async Task<Results<Ok<List<ReadResponse>>, ProblemHttpResult>> Handle(string id, VigilDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Incidents.AnyAsync(i => i.Id == id, cancellationToken))
        {
            return Problems.NotFound("incident " + id);
        }
        return TypedResults.Ok((await ListAsync(db, id, cancellationToken)).Select(e => new ReadResponse(SubmissionCommitment.FormatTime(e.ReceivedAt),
            e.ActorId, e.ActorRole, e.ActorOrganisationId, e.Kind, JsonNode.Parse(e.Content)?["read"]?.GetValue<string>(), e.LeafIndex)).ToList());
    }

    /// <summary>
    /// How many read and download events an incident has, and the latest <paramref name="take"/> of them, oldest first:
    /// the incident page shows those (an incident read thousands of times would otherwise make a page of megabytes)
    /// and points to the API's list for the rest.
    /// </summary>
    public static async Task<(int Count, List<RecordEvent> Latest)> LatestAsync(VigilDbContext db, string id, int take, CancellationToken cancellationToken)
    {
        var events = db.RecordEvents.AsNoTracking().Where(e => e.ObjectKind == AudienceFilters.Incident && e.ObjectId == id && Kinds.Contains(e.Kind));
        var count = await events.CountAsync(cancellationToken);
        var latest = await events.OrderByDescending(e => e.Id).Take(take).ToListAsync(cancellationToken);
        latest.Reverse();
        return (count, latest);
    }

    /// <summary>The read and download events of an incident the caller may read, oldest first: the API's list and the incident page alike.</summary>
    public static Task<List<RecordEvent>> ListAsync(VigilDbContext db, string id, CancellationToken cancellationToken) =>
        db.RecordEvents.AsNoTracking()
            .Where(e => e.ObjectKind == AudienceFilters.Incident && e.ObjectId == id && Kinds.Contains(e.Kind))
            .OrderBy(e => e.Id).ToListAsync(cancellationToken);
}
