using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Domain.Incidents;
using Vigil.Domain.Regimes;
using Vigil.Domain.Regimes.Figures;
using Vigil.Domain.Validation;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Compliance;

/// <summary>
/// GET /api/v1/compliance: per organisation and regime, timeliness and completeness of the incidents noticed
/// (detected_at) in [from, to). Oversight, analysts and admins see every organisation; a reporter its own.
/// <c>Accept: text/csv</c> gives the same rows as CSV.
/// </summary>
public static class ComplianceOverview
{
    public sealed record Query(
        [property: FromQuery(Name = "org")] string? Org,
        [property: FromQuery(Name = "regime")] string? Regime,
        [property: FromQuery(Name = "from")] string? From,
        [property: FromQuery(Name = "to")] string? To);

    public static async Task<Results<Ok<ComplianceReport>, ContentHttpResult, ProblemHttpResult>> Handle(
        [AsParameters] Query query, HttpRequest request, ClaimsPrincipal user, VigilDbContext db, RegimeCatalog catalog, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new List<(string, string)>();
        var from = Time(query.From, "from", errors);
        var to = Time(query.To, "to", errors);
        if (query.Regime is { } regimeId && !catalog.TryGet(regimeId, out _))
        {
            errors.Add(("regime", $"'{JsonFieldReader.Shorten(regimeId)}' is not a regime this server knows"));
        }
        if (errors.Count > 0)
        {
            return Problems.InvalidParameters(errors);
        }
        var organisation = query.Org;
        if (user.Role() == Roles.Reporter)
        {
            if (organisation is not null && organisation != user.OrganisationId())
            {
                return Problems.NotFound("organisation " + organisation);
            }
            organisation = user.OrganisationId();
        }

        // Figures only: oversight and the CERT count every incident, including those whose content they may not read.
        var incidents = db.KnownIncidents().AsNoTracking();
        if (organisation is not null) incidents = incidents.Where(i => i.OrganisationId == organisation);
        if (from is not null) incidents = incidents.Where(i => i.DetectedAt >= from);
        if (to is not null) incidents = incidents.Where(i => i.DetectedAt < to);
        var found = await incidents.Select(i => new { i.Id, i.OrganisationId, i.View }).ToListAsync(cancellationToken);
        var under = found
            .SelectMany(i => IncidentCases.RegimesOf(JsonNode.Parse(i.View)!.AsObject(), catalog)
                .Where(r => query.Regime is null || r.Id == query.Regime).Select(r => (i.Id, i.OrganisationId, Regime: r)))
            .ToList();
        var cases = await IncidentCases.LoadAsync(db, [.. under.Select(u => u.Id).Distinct()], cancellationToken);
        var names = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);

        var rows = under.GroupBy(u => (u.OrganisationId, u.Regime.Id))
            .Select(g =>
            {
                var regime = g.First().Regime;
                var evaluated = g.Select(u => new EvaluatedIncident(cases[u.Id], RegimeEvaluator.Evaluate(regime, cases[u.Id], clock),
                    RequestEvaluator.Evaluate(cases[u.Id], clock))).ToList();
                return ComplianceRow.From(g.Key.OrganisationId, names.GetValueOrDefault(g.Key.OrganisationId, ""), regime.Id,
                    ComplianceCalculator.Compute(regime, evaluated));
            })
            .OrderBy(r => r.Organisation, StringComparer.Ordinal).ThenBy(r => r.OrganisationId, StringComparer.Ordinal)
            .ThenBy(r => r.Regime, StringComparer.Ordinal)
            .ToList();

        if (request.Headers.Accept.Any(a => a?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true))
        {
            return TypedResults.Text(ComplianceRow.Csv(rows), "text/csv; charset=utf-8");
        }
        return TypedResults.Ok(new ComplianceReport(clock.GetUtcNow(), from, to, rows));
    }

    private static DateTimeOffset? Time(string? value, string name, List<(string, string)> errors)
    {
        if (value is null)
        {
            return null;
        }
        if (Iso8601.TryParse(value, out var parsed))
        {
            return parsed.ToUniversalTime();
        }
        errors.Add((name, $"'{JsonFieldReader.Shorten(value)}' is not an ISO 8601 date-time with an offset, such as {Iso8601.Example}"));
        return null;
    }
}
