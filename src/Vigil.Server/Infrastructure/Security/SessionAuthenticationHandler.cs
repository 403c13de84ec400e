using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Data;
using Vigil.Server.Infrastructure.Web;

namespace Vigil.Server.Infrastructure.Security;

/// <summary>
/// Authenticates the pages' session cookie by its digest. Used only where a page asks for it (never by the API,
/// whose callers send bearer tokens), so that a cookie a browser sends on its own cannot act through the API.
/// Without a session, a page redirects to the sign-in form.
/// </summary>
public sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    VigilDbContext db,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Session";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (WebSessions.SecretOf(Request) is not { } secret)
        {
            return AuthenticateResult.NoResult();
        }
        var hash = ApiTokens.Hash(secret);
        var now = clock.GetUtcNow();
        // A session signed in with an API token ends when the token stops authenticating; any session ends as soon as
        // its user is disabled. Read on every request, like the token's principal.
        var tokens = db.Authenticating(now).Where(t => t.Scope == null);
        var found = await db.WebSessions.AsNoTracking()
            .Where(s => s.SecretHash == hash && s.RevokedAt == null && s.ExpiresAt > now)
            .Where(s => s.ApiTokenId == null || tokens.Any(t => t.Id == s.ApiTokenId))
            .Join(db.Users.Where(u => u.DisabledAt == null), s => s.UserId, u => u.Id,
                (s, u) => new
                {
                    SessionId = s.Id, u.Id, u.Email, u.Role, u.OrganisationId, u.Culture, u.TimeZone,
                    Country = db.Organisations.Where(o => o.Id == u.OrganisationId).Select(o => o.Country).FirstOrDefault(),
                })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (found is null)
        {
            return AuthenticateResult.Fail("The session is unknown, expired or signed out.");
        }
        // The pages speak the user's language and show times in its zone: both chosen by the user, or by its
        // organisation's country.
        List<Claim> more = [new Claim(WebSessions.SessionClaim, found.SessionId)];
        if (found.Culture is { } culture) { more.Add(new Claim(ReaderPreferences.CultureClaim, culture)); }
        if ((found.TimeZone ?? ReaderPreferences.ZoneOfCountry(found.Country)) is { } zone) { more.Add(new Claim(ReaderPreferences.ZoneClaim, zone)); }
        var principal = ClaimsPrincipalExtensions.Create(SchemeName, found.Id, found.Email, found.Role, found.OrganisationId, more);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status303SeeOther;
        Response.Headers.Location = "/sign-in";
        return Task.CompletedTask;
    }
}
