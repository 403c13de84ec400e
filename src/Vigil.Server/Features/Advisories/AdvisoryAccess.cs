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
    private static readonly IReadOnlyList<string> Public = [TlpLabel.Clear];
    private static readonly IReadOnlyList<string> Reporters = [TlpLabel.Clear, TlpLabel.Green];

    /// <summary>Every audience <see cref="Labels"/> names: what a cache serving any caller must be ready for.</summary>
    public static readonly IReadOnlyList<IReadOnlyList<string>?> Audiences = [null, Reporters, Public];

    public static IQueryable<ImportedAdvisory> VisibleTo(this IQueryable<ImportedAdvisory> advisories, ClaimsPrincipal user)
    {
        if (Labels(user) is not { } labels)
        {
            return advisories;
        }
        var allowed = labels.ToList();
        return advisories.Where(a => allowed.Contains(a.Tlp));
    }

    /// <summary>The TLP labels of the advisories the caller may see; null when it may see every advisory, whatever its label.</summary>
    public static IReadOnlyList<string>? Labels(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.Role() switch
        {
            Roles.Analyst or Roles.Admin => null,
            Roles.Reporter => Reporters,
            _ => Public,
        } : Public;

    /// <summary>Whether an advisory labelled <paramref name="tlp"/> is in the audience <paramref name="labels"/> (<see cref="Labels"/>).</summary>
    public static bool Includes(IReadOnlyList<string>? labels, string tlp) => labels is null || labels.Contains(tlp, StringComparer.Ordinal);

    /// <summary>The TLP 2.0 label for a CSAF 2.0 (TLP 1.0) label: WHITE is CLEAR; none is AMBER.</summary>
    public static string TlpOf(string? csafLabel) => csafLabel switch
    {
        "WHITE" => TlpLabel.Clear,
        "GREEN" => TlpLabel.Green,
        "RED" => TlpLabel.Red,
        _ => TlpLabel.Amber,
    };
}
