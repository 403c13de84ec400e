using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Regimes;
using Vigil.Server.Features.Attachments;
using Vigil.Server.Features.Compliance;
using Vigil.Server.Features.Requests;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Incidents;

/// <summary>
/// What the incident page shows, read through the same code as the API's answers (the incident, its history, its
/// requests, its deadlines, its files and who read it), for the signed-in reader: the audience filter decides.
/// </summary>
public sealed record IncidentPageData(
    IncidentResponse Incident,
    IReadOnlyList<HistoryEntry> History,
    IReadOnlyList<RequestResponse> Requests,
    CaseComplianceResponse Compliance,
    IReadOnlyList<AttachmentListed> Attachments,
    IReadOnlyList<RecordEvent> Reads,
    int ReadCount,
    IReadOnlyDictionary<string, string> OrganisationNames,
    bool MayAddTo)
{
    /// <summary>The latest reads the page lists; the API's <c>GET .../reads</c> lists every one.</summary>
    public const int ShownReads = 20;

    /// <summary>The page's data, or null when the reader may not read the incident (or there is none): a 404 either way.</summary>
    public static async Task<IncidentPageData?> LoadAsync(
        string id, ClaimsPrincipal user, VigilDbContext db, IncidentReads reads, RegimeCatalog catalog, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken) is not { } incident)
        {
            return null;
        }
        // A read from outside the organisation is on the record before anything is shown, as through the API.
        await reads.RecordAsync(incident, "page", user, cancellationToken);
        var audience = await IncidentAudience.ForAsync(db, incident, cancellationToken);
        var history = await ReadIncident.HistoryEntriesAsync(db, incident, audience, cancellationToken);
        var (readCount, readLog) = await IncidentReadLog.LatestAsync(db, id, ShownReads, cancellationToken);
        var organisations = history.Select(h => h.Actor.OrganisationId).Concat(readLog.Select(r => r.ActorOrganisationId)).Append(incident.OrganisationId)
            .OfType<string>().Distinct().ToList();
        return new IncidentPageData(
            IncidentResponse.From(incident, audience),
            history,
            await InformationRequests.ListAsync(db, id, clock, cancellationToken),
            (await IncidentCompliance.EvaluateAsync(db, [id], catalog, clock, cancellationToken))[id],
            await IncidentAttachments.ListAsync(db, incident, cancellationToken),
            readLog,
            readCount,
            await db.Organisations.AsNoTracking().Where(o => organisations.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken),
            user.Role() == Roles.Reporter && user.OrganisationId() == incident.OrganisationId);
    }
}
