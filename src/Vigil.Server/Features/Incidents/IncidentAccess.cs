using System.Security.Claims;
using Vigil.Data.Entities;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Incidents;

/// <summary>Which incidents a caller may see. Another organisation's incident does not exist for a reporter.</summary>
public static class IncidentAccess
{
    public static IQueryable<Incident> VisibleTo(this IQueryable<Incident> incidents, ClaimsPrincipal user) =>
        user.Role() switch
        {
            Roles.Analyst or Roles.Admin => incidents,
            Roles.Reporter when user.OrganisationId() is { } organisationId => incidents.Where(i => i.OrganisationId == organisationId),
            _ => incidents.Where(_ => false),
        };
}
