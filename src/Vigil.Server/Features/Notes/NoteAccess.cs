using System.Security.Claims;
using Vigil.Data.Entities;
using Vigil.Domain.Notes;
using Vigil.Domain.Sharing;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Notes;

/// <summary>
/// Who may read a note. Drafts are CERT staff's (analysts, admins) alone. Published and withdrawn notes go by their
/// TLP label as indicator collections do: staff see all, reporters CLEAR and GREEN, everyone else CLEAR only.
/// A note outside your audience answers 404, as if it did not exist.
/// </summary>
public static class NoteAccess
{
    public static IQueryable<Note> VisibleTo(this IQueryable<Note> notes, ClaimsPrincipal user) =>
        IsStaff(user) ? notes : notes.Where(n => n.Status != NoteWorkflow.Draft).WithTlpIn(Audience(user));

    public static bool IsStaff(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.Role() is Roles.Analyst or Roles.Admin;

    /// <summary>The TLP labels a caller may read.</summary>
    public static IReadOnlyList<string> Audience(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated != true ? [TlpLabel.Clear]
        : user.Role() switch
        {
            Roles.Analyst or Roles.Admin => TlpLabel.All,
            Roles.Reporter => [TlpLabel.Clear, TlpLabel.Green],
            _ => [TlpLabel.Clear],
        };

    public static IQueryable<Note> WithTlpIn(this IQueryable<Note> notes, IReadOnlyList<string> labels)
    {
        var allowed = labels.ToList();
        return notes.Where(n => allowed.Contains(n.Tlp));
    }
}
