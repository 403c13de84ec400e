using System.Security.Claims;
using Vigil.Data.Entities;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Notifications.Subscriptions;

/// <summary>
/// Whose subscriptions a caller manages: its own, and an organisation's (its point of contact's and webhooks) when it
/// is one of that organisation's reporters or an administrator. Nobody manages another person's own rows.
/// </summary>
public static class SubscriptionAccess
{
    public static bool MayManage(ClaimsPrincipal user, Subscription subscription) =>
        subscription.UserId is { } owner ? owner == user.UserId() : subscription.OrganisationId is { } organisation && MayManageOrganisation(user, organisation);

    public static bool MayManageOrganisation(ClaimsPrincipal user, string organisationId) =>
        user.Role() == Roles.Admin || (user.Role() == Roles.Reporter && user.OrganisationId() == organisationId);

    /// <summary>The organisation a caller's own rows belong to: a reporter's; null for the CERT's staff and oversight (they hear CERT-wide).</summary>
    public static string? OwnOrganisation(ClaimsPrincipal user) => user.Role() == Roles.Reporter ? user.OrganisationId() : null;
}
