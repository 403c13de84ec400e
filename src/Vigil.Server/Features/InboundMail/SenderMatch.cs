using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.InboundMail;

/// <summary>
/// Whose report a message may be: the organisation whose point of contact (<c>Organisation.ContactEmail</c>) or one of
/// whose reporters (<c>User.Email</c>, not disabled) has the From address, or failing that the envelope sender. Only
/// one organisation may come out: an address two organisations share, or a From and an envelope naming two, match none.
/// Addresses are claims anyone can forge, which is why a match makes a draft and never a report.
/// </summary>
public static class SenderMatch
{
    public const string ByContact = "contact";
    public const string ByUser = "user";
    public const string ByAnalyst = "analyst";

    public sealed record Found(string OrganisationId, string? UserId, string MatchedBy);

    public static async Task<Found?> FindAsync(VigilDbContext db, string headerFrom, string envelopeFrom, CancellationToken cancellationToken)
    {
        var found = new List<Found>();
        foreach (var address in new[] { headerFrom, envelopeFrom }.Where(a => a.Contains('@', StringComparison.Ordinal)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            found.AddRange(await ForAddressAsync(db, address, cancellationToken));
        }
        var organisations = found.Select(f => f.OrganisationId).Distinct().ToList();
        // The From address's own match comes first: it names the user when a reporter wrote.
        return organisations.Count == 1 ? found.OrderBy(f => f.UserId is null ? 1 : 0).First() : null;
    }

    private static async Task<List<Found>> ForAddressAsync(VigilDbContext db, string address, CancellationToken cancellationToken)
    {
        var lower = address.Trim().ToLowerInvariant();
        var contacts = await db.Organisations.AsNoTracking().Where(o => o.ContactEmail.ToLower() == lower)
            .Select(o => new Found(o.Id, null, ByContact)).ToListAsync(cancellationToken);
        var users = await db.Users.AsNoTracking()
            .Where(u => u.Email.ToLower() == lower && u.OrganisationId != null && u.Role == Roles.Reporter && u.DisabledAt == null)
            .Select(u => new Found(u.OrganisationId!, u.Id, ByUser)).ToListAsync(cancellationToken);
        return [.. users, .. contacts];
    }
}
