using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Inventory;

/// <summary>
/// Who may read and replace an organisation's inventory and see its exposure: its own reporters, and CERT staff
/// (analysts, admins). For a reporter, another organisation does not exist (404), as its incidents do not.
/// </summary>
public static class InventoryAccess
{
    public static async Task<bool> MayUseAsync(ClaimsPrincipal user, string organisationId, VigilDbContext db, CancellationToken cancellationToken) =>
        user.Role() switch
        {
            Roles.Analyst or Roles.Admin => await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken),
            Roles.Reporter => user.OrganisationId() == organisationId,
            _ => false,
        };
}
