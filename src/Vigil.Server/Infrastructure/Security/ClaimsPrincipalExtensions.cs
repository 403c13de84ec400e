using System.Security.Claims;

namespace Vigil.Server.Infrastructure.Security;

public static class ClaimsPrincipalExtensions
{
    public const string OrganisationClaim = "vigil:organisation";

    /// <summary>The id of the API token a request authenticated with (absent for a page session).</summary>
    public const string TokenClaim = "vigil:token";

    /// <summary>Set on a credential that may do one thing only (such as enrol a second factor); absent on a full one.</summary>
    public const string ScopeClaim = "vigil:scope";

    /// <summary>
    /// The principal every authentication scheme gives a user: id, e-mail, role and, for a reporter, the
    /// organisation, then whatever the scheme adds of its own.
    /// </summary>
    public static ClaimsPrincipal Create(string scheme, string userId, string email, string role, string? organisationId, params IEnumerable<Claim> more)
    {
        List<Claim> claims = [new(ClaimTypes.NameIdentifier, userId), new(ClaimTypes.Email, email), new(ClaimTypes.Role, role), .. more];
        if (organisationId is not null)
        {
            claims.Add(new(OrganisationClaim, organisationId));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The request is not authenticated.");

    /// <summary>The API token this request came with, if it came with one.</summary>
    public static string? TokenId(this ClaimsPrincipal user) => user.FindFirstValue(TokenClaim);

    public static string Role(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Role) ?? "";

    /// <summary>Whether the credential is limited to one purpose (<see cref="ScopeClaim"/>): it passes no ordinary policy.</summary>
    public static bool HasRestrictedScope(this ClaimsPrincipal user) => user.HasClaim(c => c.Type == ScopeClaim);

    /// <summary>The reporter's organisation; null for CERT staff, oversight and admins.</summary>
    public static string? OrganisationId(this ClaimsPrincipal user) => user.FindFirstValue(OrganisationClaim);
}
