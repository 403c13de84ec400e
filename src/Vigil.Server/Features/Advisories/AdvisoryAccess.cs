using System.Security.Claims;
using Vigil.Data.Entities;
using Vigil.Domain.Sharing;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Advisories;

/// <summary>
/// Who may see an imported advisory, by its TLP label: CERT staff (analysts, admins) see all; reporters see CLEAR and
/// GREEN; everyone else sees CLEAR only. A document without a TLP label is kept as AMBER: the CERT cannot tell
/// whether its publisher meant it for everyone.
/// </summary>
public static class AdvisoryAccess
{
    public static IQueryable<ImportedAdvisory> VisibleTo(this IQueryable<ImportedAdvisory> advisories, ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.Role() switch
        {
            Roles.Analyst or Roles.Admin => advisories,
            Roles.Reporter => advisories.Where(a => a.Tlp == TlpLabel.Clear || a.Tlp == TlpLabel.Green),
            _ => advisories.Where(a => a.Tlp == TlpLabel.Clear),
        } : advisories.Where(a => a.Tlp == TlpLabel.Clear);

    /// <summary>The TLP 2.0 label for a CSAF 2.0 (TLP 1.0) label: WHITE is CLEAR; none is AMBER.</summary>
    public static string TlpOf(string? csafLabel) => csafLabel switch
    {
        "WHITE" => TlpLabel.Clear,
        "GREEN" => TlpLabel.Green,
        "RED" => TlpLabel.Red,
        _ => TlpLabel.Amber,
    };
}
