using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Vigil.Data;
using Vigil.Domain.Regimes;
using Vigil.Domain.Validation;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Compliance;

/// <summary>
/// GET /api/v1/compliance: per organisation and regime, timeliness and completeness of the incidents noticed
/// (detected_at) in [from, to), optionally of one sector's organisations. Oversight, analysts and admins see every organisation; a reporter its own.
/// <c>Accept: text/csv</c> gives the same rows as CSV.
/// </summary>
public static class ComplianceOverview
{
    public sealed record Query(
        [property: FromQuery(Name = "org")] string? Org,
        [property: FromQuery(Name = "regime")] string? Regime,
        [property: FromQuery(Name = "sector")] string? Sector,
        [property: FromQuery(Name = "from")] string? From,
        [property: FromQuery(Name = "to")] string? To);

    public static async Task<Results<Ok<ComplianceReport>, ContentHttpResult, ProblemHttpResult>> Handle(
        [AsParameters] Query query, HttpRequest request, ClaimsPrincipal user, VigilDbContext db, RegimeCatalog catalog, TimeProvider clock,
        ComplianceCache cache, CancellationToken cancellationToken)
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

        var set = await ComplianceQuery.LoadAsync(db, catalog, clock, cache,
            new ComplianceScope(organisation, string.IsNullOrEmpty(query.Sector) ? null : query.Sector, query.Regime, from, to), cancellationToken);
        var rows = set.Rows();

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
