using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Domain.Regimes;
using Vigil.Domain.Regimes.Figures;
using Vigil.Domain.Sharing;

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
        VigilDbContext db, RegimeCatalog catalog, TimeProvider clock, ComplianceCache cache, ComplianceScope scope, CancellationToken cancellationToken)
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
            .Select(i => new { i.Id, i.OrganisationId, i.Category, i.Status, i.DetectedAt, i.ReceivedAt, i.Version })
            .ToListAsync(cancellationToken);
        var counted = found.Select(i => new CountedIncident(i.Id, i.OrganisationId, i.Category, i.Status, i.DetectedAt, i.ReceivedAt)).ToList();
        var evaluated = await EvaluateAsync(db, catalog, clock, cache, found.ToDictionary(i => i.Id, i => i.Version), cancellationToken);
        var cases = counted.SelectMany(i => evaluated[i.Id].Where(u => scope.Regime is null || u.Regime.Id == scope.Regime)
            .Select(u => new ComplianceCase(i, u.Regime, u.Evaluated))).ToList();
        return new ComplianceSet(counted, cases, organisations);
    }

    /// <summary>Each incident (by id, with its version) under every regime it is filed under, from the cache where it holds.</summary>
    private static async Task<Dictionary<string, IReadOnlyList<(Regime Regime, EvaluatedIncident Evaluated)>>> EvaluateAsync(
        VigilDbContext db, RegimeCatalog catalog, TimeProvider clock, ComplianceCache cache, Dictionary<string, int> versions,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // Only the CERT and oversight share evaluations: they are made from every submission, whoever asked first.
        var shared = TlpAudience.KnowsOfEveryIncident(db.Reader);
        var evaluated = new Dictionary<string, IReadOnlyList<(Regime Regime, EvaluatedIncident Evaluated)>>(StringComparer.Ordinal);
        foreach (var (id, version) in versions)
        {
            if (shared && cache.TryGet(id, version, now, out var under))
            {
                evaluated[id] = under;
            }
        }
        var missing = versions.Keys.Where(id => !evaluated.ContainsKey(id)).ToList();
        if (missing.Count == 0)
        {
            return evaluated;
        }
        var views = await db.KnownIncidents().AsNoTracking().Where(i => missing.Contains(i.Id)).Select(i => new { i.Id, i.View })
            .ToDictionaryAsync(i => i.Id, i => i.View, cancellationToken);
        var cases = await IncidentCases.LoadAsync(db, missing, cancellationToken);
        foreach (var id in missing)
        {
            var regimes = views.TryGetValue(id, out var view) ? IncidentCases.RegimesOf(JsonNode.Parse(view)!.AsObject(), catalog) : [];
            IReadOnlyList<(Regime Regime, EvaluatedIncident Evaluated)> under = regimes.Count == 0 || !cases.TryGetValue(id, out var input) ? [] :
            [
                .. regimes.Select(r => (r, new EvaluatedIncident(input, RegimeEvaluator.Evaluate(r, input, clock), RequestEvaluator.Evaluate(input, clock)))),
            ];
            evaluated[id] = under;
            if (shared)
            {
                cache.Put(id, versions[id], now, under);
            }
        }
        return evaluated;
    }
}
