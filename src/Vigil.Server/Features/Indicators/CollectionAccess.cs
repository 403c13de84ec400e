using System.Security.Claims;
using Vigil.Data.Entities;
using Vigil.Domain.Sharing;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Indicators;

/// <summary>
/// Who may see a collection, by its TLP label. CERT staff (analysts, admins) see every collection; reporters see
/// CLEAR and GREEN (the community); everyone else, signed in or not, sees CLEAR only. AMBER, AMBER+STRICT and RED
/// collections never leave the CERT; sharing AMBER with chosen organisations is not modelled.
/// </summary>
public static class CollectionAccess
{
    public static IQueryable<IndicatorCollection> VisibleTo(this IQueryable<IndicatorCollection> collections, ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.Role() switch
        {
            Roles.Analyst or Roles.Admin => collections,
            Roles.Reporter => collections.Where(c => c.Tlp == TlpLabel.Clear || c.Tlp == TlpLabel.Green),
            _ => collections.Where(c => c.Tlp == TlpLabel.Clear),
        } : collections.Where(c => c.Tlp == TlpLabel.Clear);

    /// <summary>How far a label restricts sharing: CLEAR 0 up to RED 4.</summary>
    public static int Restriction(string tlp) => TlpLabel.All.ToList().IndexOf(tlp);
}
