using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Sharing;
using Vigil.Server.Features.Sharing;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Notifications.Subscriptions;

/// <summary>
/// Who stands behind each subscription, as the TLP audience rule sees them: a user as its role makes it, and an
/// organisation's own rows as a member of that organisation (its point of contact speaks for it).
/// </summary>
public sealed class Subscribers
{
    /// <param name="Address">Where e-mail goes when the subscription names no address: the user's, or the organisation's contact.</param>
    public sealed record Subscriber(AudienceReader Reader, string Address, string Locale, Func<SharedThing, LabelledFacts> FactsOf);

    private readonly Dictionary<string, Organisation> _organisations;
    private readonly Dictionary<string, User> _users;
    private readonly HashSet<string> _sharedWith;
    private readonly HashSet<string> _named;

    private Subscribers(Dictionary<string, Organisation> organisations, Dictionary<string, User> users, HashSet<string> sharedWith, HashSet<string> named)
    {
        _organisations = organisations;
        _users = users;
        _sharedWith = sharedWith;
        _named = named;
    }

    public static async Task<Subscribers> LoadAsync(VigilDbContext db, IReadOnlyList<Subscription> subscriptions, SharedThing? about, CancellationToken cancellationToken)
    {
        var organisationIds = subscriptions.Where(s => s.OrganisationId != null).Select(s => s.OrganisationId!).Distinct().ToList();
        var userIds = subscriptions.Where(s => s.UserId != null).Select(s => s.UserId!).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && u.DisabledAt == null).ToDictionaryAsync(u => u.Id, cancellationToken);
        var grants = about is null ? [] : await db.AccessGrants.AsNoTracking()
            .Where(g => g.ObjectKind == about.Kind && g.ObjectId == about.Id && g.RevokedAt == null)
            .Select(g => new { g.OrganisationId, g.UserId }).ToListAsync(cancellationToken);
        return new Subscribers(organisations, users,
            [.. grants.Where(g => g.OrganisationId != null).Select(g => g.OrganisationId!)],
            [.. grants.Where(g => g.UserId != null).Select(g => g.UserId!)]);
    }

    /// <summary>The subscription's subscriber, or null when it has none any more (a disabled user, one who left the organisation).</summary>
    public Subscriber? Find(Subscription subscription)
    {
        if (subscription.UserId is null)
        {
            return subscription.OrganisationId is { } id && _organisations.TryGetValue(id, out var organisation)
                ? Make(new AudienceReader(ReaderStanding.Member, null, id), organisation.ContactEmail, null)
                : null;
        }
        if (!_users.TryGetValue(subscription.UserId, out var user) || (subscription.OrganisationId is not null && subscription.OrganisationId != user.OrganisationId))
        {
            return null;
        }
        var reader = user.Role switch
        {
            Roles.Admin or Roles.Analyst => new AudienceReader(ReaderStanding.Cert, user.Id, null),
            Roles.Oversight => new AudienceReader(ReaderStanding.Oversight, user.Id, null),
            Roles.Reporter when user.OrganisationId is not null => new AudienceReader(ReaderStanding.Member, user.Id, user.OrganisationId),
            _ => null,
        };
        return reader is null ? null : Make(reader, user.Email, user.Culture);
    }

    private Subscriber Make(AudienceReader reader, string address, string? culture) => new(reader, address, LocaleOf(culture), thing =>
        new LabelledFacts(thing.Tlp, thing.OwnerOrganisationId,
            reader.OrganisationId is { } organisation && _sharedWith.Contains(organisation),
            reader.UserId is { } user && _named.Contains(user)));

    /// <summary>The language of the user's pages, as a mail template's locale (<c>hi</c> of <c>hi-IN</c>); English when unset.</summary>
    private static string LocaleOf(string? culture) => string.IsNullOrEmpty(culture) ? "en" : culture.Split('-')[0].ToLowerInvariant();
}
