using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Data;

namespace Vigil.Server.Infrastructure.Security;

/// <summary>Authenticates <c>Authorization: Bearer vgl_...</c> by the token's digest; answers 401/403 as problem+json.</summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    VigilDbContext db,
    TimeProvider clock,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var hash = ApiTokens.Hash(header["Bearer ".Length..].Trim());
        // The principal is built from the database on every request, so that disabling a user, changing its role or
        // ending its tokens takes effect on the next one.
        var found = await db.Authenticating(clock.GetUtcNow())
            .Where(t => t.TokenHash == hash)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { u.Id, u.Email, u.Role, u.OrganisationId, TokenId = t.Id, t.Scope })
            .AsNoTracking()
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (found is null)
        {
            return AuthenticateResult.Fail("The token is unknown, expired or revoked, or its user is disabled.");
        }
        List<Claim> more = [new(ClaimsPrincipalExtensions.TokenClaim, found.TokenId)];
        if (found.Scope is not null)
        {
            more.Add(new Claim(ClaimsPrincipalExtensions.ScopeClaim, found.Scope));
        }
        var principal = ClaimsPrincipalExtensions.Create(SchemeName, found.Id, found.Email, found.Role, found.OrganisationId, more);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return WriteProblem("urn:vigil:problem:unauthenticated", "Authentication required",
            "Send a valid API token as 'Authorization: Bearer <token>'.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return WriteProblem("urn:vigil:problem:forbidden", "Not allowed", "Your role may not do this.");
    }

    private async Task WriteProblem(string type, string title, string detail) =>
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = Response.StatusCode, Type = type, Title = title, Detail = detail },
        });
}
