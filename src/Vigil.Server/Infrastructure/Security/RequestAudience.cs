using System.Security.Claims;
using Vigil.Data;
using Vigil.Domain.Sharing;

namespace Vigil.Server.Infrastructure.Security;

/// <summary>
/// The reader every database query of a request is filtered for: the request's signed-in caller, or the public.
/// Outside a request (background jobs) there is no caller, and Vigil reads as itself.
/// </summary>
public sealed class RequestAudience(IHttpContextAccessor accessor) : IAudienceSource
{
    public AudienceReader Current => accessor.HttpContext is { } http ? ReaderOf(http.User) : AudienceReader.System;

    /// <summary>Where a principal stands: CERT staff, oversight, a member of its organisation, or the public.</summary>
    public static AudienceReader ReaderOf(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true || user.HasRestrictedScope())
        {
            return AudienceReader.Public;
        }
        return user.Role() switch
        {
            Roles.Analyst or Roles.Admin => new AudienceReader(ReaderStanding.Cert, user.UserId(), null),
            Roles.Oversight => new AudienceReader(ReaderStanding.Oversight, user.UserId(), null),
            Roles.Reporter when user.OrganisationId() is { } organisation => new AudienceReader(ReaderStanding.Member, user.UserId(), organisation),
            _ => AudienceReader.Public,
        };
    }
}
