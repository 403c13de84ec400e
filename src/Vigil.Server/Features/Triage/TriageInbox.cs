using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Domain.Incidents;
using Vigil.Domain.Regimes;
using Vigil.Server.Features.Compliance;
using Vigil.Server.Features.Incidents;
using Vigil.Server.Features.Incidents.Pages;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Triage;

/// <summary>
/// One row of the inbox. <paramref name="Title"/>, <paramref name="Category"/>, <paramref name="AssigneeId"/> and
/// <paramref name="Severity"/> are null for an incident the reader may know of but not read (a RED report that does not
/// name it): of that one only its envelope is shown, as <c>GET /api/v1/incidents/{id}/timeline</c> and its compliance answer.
/// </summary>
public sealed record TriageRow(
    string Id, string OrganisationId, string Status, string Tlp, DateTimeOffset ReceivedAt, NextDeadline? Next, IReadOnlyList<string> Regimes,
    string? Title, string? Category, string? AssigneeId, Severity? Severity)
{
    public bool Readable => Title is not null;
}

/// <summary>
/// The CERT's triage inbox: every incident the reader may know of (<see cref="AudienceFilters.KnownIncidents"/>), next
/// deadline first (the one the incident list and <c>GET .../compliance</c> give, <see cref="NextDeadline"/>; overdue
/// ones first, none last), then the gravest (<see cref="TriageSeverity"/>), then the oldest.
/// </summary>
public static class TriageInbox
{
    public const int PageSize = 50;

    public sealed record Result(IReadOnlyList<TriageRow> Rows, int Total);

    public static async Task<Result> LoadAsync(
        TriageFilters filters, ClaimsPrincipal user, VigilDbContext db, RegimeCatalog catalog, TimeProvider clock, TriageDeadlines deadlines,
        CancellationToken cancellationToken)
    {
        // The envelope (organisation, status, label, received) is what the CERT may know of every incident; content
        // (title, category, assignee, what the report says) only of those it may read, through the filtered set.
        var known = Envelope(db.KnownIncidents().AsNoTracking(), filters);
        var envelopes = await known.Select(i => new { i.Id, i.OrganisationId, i.Status, i.Tlp, i.ReceivedAt, i.Version }).ToListAsync(cancellationToken);
        var readable = Envelope(db.Incidents.AsNoTracking(), filters);
        if (filters.Category is { } category)
        {
            readable = readable.Where(i => i.Category == category);
        }
        var me = user.UserId();
        readable = filters.Assignee switch
        {
            null => readable,
            TriageFilters.Nobody => readable.Where(i => i.AssigneeId == null),
            TriageFilters.Me => readable.Where(i => i.AssigneeId == me),
            var analyst => readable.Where(i => i.AssigneeId == analyst),
        };
        var contents = await readable.Select(i => new { i.Id, i.Title, i.Category, i.AssigneeId, i.Version }).ToDictionaryAsync(i => i.Id, cancellationToken);
        var shown = envelopes.Where(e => contents.ContainsKey(e.Id) || !filters.FiltersContent).ToList();
        var next = await deadlines.ForAsync(db, catalog, clock, shown.ToDictionary(e => e.Id, e => e.Version, StringComparer.Ordinal), cancellationToken);
        var severities = await deadlines.SeveritiesAsync(db, contents.Values.Select(c => (c.Id, c.Version)).ToList(), cancellationToken);
        var now = clock.GetUtcNow();
        var rows = new List<TriageRow>();
        foreach (var e in shown)
        {
            var (deadline, regimes) = next[e.Id];
            if ((filters.Regime is { } regime && !regimes.Contains(regime)) || (filters.Overdue && !(deadline?.Due < now)))
            {
                continue;
            }
            if (contents.TryGetValue(e.Id, out var incident))
            {
                var severity = severities[e.Id];
                rows.Add(new TriageRow(e.Id, e.OrganisationId, e.Status, e.Tlp, e.ReceivedAt, deadline, regimes, incident.Title, incident.Category, incident.AssigneeId, severity));
            }
            else
            {
                rows.Add(new TriageRow(e.Id, e.OrganisationId, e.Status, e.Tlp, e.ReceivedAt, deadline, regimes, null, null, null, null));
            }
        }
        var ordered = rows
            .OrderBy(r => r.Next is null).ThenBy(r => r.Next?.Due)
            .ThenByDescending(r => (int?)r.Severity ?? 0)
            .ThenBy(r => r.ReceivedAt).ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
        return new Result([.. ordered.Skip((filters.Page - 1) * PageSize).Take(PageSize)], ordered.Count);
    }

    private static IQueryable<Vigil.Data.Entities.Incident> Envelope(IQueryable<Vigil.Data.Entities.Incident> incidents, TriageFilters filters)
    {
        if (filters.Organisation is { } organisation)
        {
            incidents = incidents.Where(i => i.OrganisationId == organisation);
        }
        if (filters.Status is { } status)
        {
            incidents = incidents.Where(i => i.Status == status);
        }
        if (filters.Tlp is { } tlp)
        {
            incidents = incidents.Where(i => i.Tlp == tlp);
        }
        return incidents;
    }
}
