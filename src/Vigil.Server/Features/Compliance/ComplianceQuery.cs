using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Domain.Regimes;
using Vigil.Domain.Regimes.Figures;

namespace Vigil.Server.Features.Compliance;

/// <summary>Which incidents the figures are made of: noticed (detected_at) in [From, To), of an organisation, a sector, a regime.</summary>
public sealed record ComplianceScope(string? Organisation, string? Sector, string? Regime, DateTimeOffset? From, DateTimeOffset? To);

/// <summary>An incident the figures count, by its envelope only (no title, no description).</summary>
public sealed record CountedIncident(string Id, string OrganisationId, string Category, string Status, DateTimeOffset DetectedAt, DateTimeOffset ReceivedAt);

/// <summary>One incident under one regime it is filed under, evaluated by the regimes engine.</summary>
public sealed record ComplianceCase(CountedIncident Incident, Regime Regime, EvaluatedIncident Evaluated);

/// <summary>An organisation as the figures name it.</summary>
public sealed record CountedOrganisation(string Id, string Name, string Sector);

/// <summary>What a scope holds: its incidents, each evaluated under each regime it is filed under, and the organisations.</summary>
public sealed record ComplianceSet(IReadOnlyList<CountedIncident> Incidents, IReadOnlyList<ComplianceCase> Cases, IReadOnlyDictionary<string, CountedOrganisation> Organisations)
{
    /// <summary>One row per organisation and regime, as <c>GET /api/v1/compliance</c> answers them.</summary>
    public IReadOnlyList<ComplianceRow> Rows() => [.. Cases.GroupBy(c => (c.Incident.OrganisationId, c.Regime.Id))
        .Select(g => ComplianceRow.From(g.Key.OrganisationId, Organisations.GetValueOrDefault(g.Key.OrganisationId)?.Name ?? "", g.Key.Id,
            ComplianceCalculator.Compute(g.First().Regime, [.. g.Select(c => c.Evaluated)])))
        .OrderBy(r => r.Organisation, StringComparer.Ordinal).ThenBy(r => r.OrganisationId, StringComparer.Ordinal)
        .ThenBy(r => r.Regime, StringComparer.Ordinal)];
}

/// <summary>
/// The figures' one query: the API (<c>GET /api/v1/compliance</c>) and oversight's pages read the same incidents and
/// evaluate them the same way, so a page never shows a figure the API would not answer.
/// </summary>
public static class ComplianceQuery
{
    public static async Task<ComplianceSet> LoadAsync(
        VigilDbContext db, RegimeCatalog catalog, TimeProvider clock, ComplianceScope scope, CancellationToken cancellationToken)
    {
        var organisations = await db.Organisations.AsNoTracking()
            .Select(o => new CountedOrganisation(o.Id, o.Name, o.Sector)).ToDictionaryAsync(o => o.Id, cancellationToken);
        // Figures only: oversight and the CERT count every incident, including those whose content they may not read.
        var incidents = db.KnownIncidents().AsNoTracking();
        if (scope.Organisation is not null) incidents = incidents.Where(i => i.OrganisationId == scope.Organisation);
        if (scope.Sector is not null)
        {
            var members = organisations.Values.Where(o => o.Sector == scope.Sector).Select(o => o.Id).ToList();
            incidents = incidents.Where(i => members.Contains(i.OrganisationId));
        }
        if (scope.From is not null) incidents = incidents.Where(i => i.DetectedAt >= scope.From);
        if (scope.To is not null) incidents = incidents.Where(i => i.DetectedAt < scope.To);
        var found = await incidents
            .Select(i => new { i.Id, i.OrganisationId, i.Category, i.Status, i.DetectedAt, i.ReceivedAt, i.View })
            .ToListAsync(cancellationToken);
        var counted = found.Select(i => new CountedIncident(i.Id, i.OrganisationId, i.Category, i.Status, i.DetectedAt, i.ReceivedAt)).ToList();
        var under = found.Zip(counted)
            .SelectMany(pair => IncidentCases.RegimesOf(JsonNode.Parse(pair.First.View)!.AsObject(), catalog)
                .Where(r => scope.Regime is null || r.Id == scope.Regime).Select(r => (Incident: pair.Second, Regime: r)))
            .ToList();
        var cases = await IncidentCases.LoadAsync(db, [.. under.Select(u => u.Incident.Id).Distinct()], cancellationToken);
        var evaluated = under.Select(u => new ComplianceCase(u.Incident, u.Regime, new EvaluatedIncident(cases[u.Incident.Id],
            RegimeEvaluator.Evaluate(u.Regime, cases[u.Incident.Id], clock), RequestEvaluator.Evaluate(cases[u.Incident.Id], clock)))).ToList();
        return new ComplianceSet(counted, evaluated, organisations);
    }
}
