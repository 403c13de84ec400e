using System.Security.Claims;

namespace Vigil.Server.Infrastructure.Security;

public static class ClaimsPrincipalExtensions
{
    public const string OrganisationClaim = "vigil:organisation";

    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The request is not authenticated.");

    public static string Role(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Role) ?? "";

    /// <summary>The reporter's organisation; null for CERT staff, oversight and admins.</summary>
    public static string? OrganisationId(this ClaimsPrincipal user) => user.FindFirstValue(OrganisationClaim);
}
