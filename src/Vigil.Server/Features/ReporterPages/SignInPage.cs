using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Server.Features.OidcSignIn;
using Vigil.Server.Features.Users;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Infrastructure.Web;

namespace Vigil.Server.Features.ReporterPages;

/// <summary>
/// Signing in to the pages: an e-mail and password, or an API token (or, when configured, an OpenID Connect provider:
/// see <see cref="OidcSignInFeature"/>), exchanged for a server-side session whose secret only the HttpOnly cookie
/// holds. Signing out revokes the session.
/// </summary>
public static class SignInPage
{
    /// <summary>The sign-in page answered from an endpoint, saying why the sign-in opened no session.</summary>
    public static IResult Refused(SignInRefusal refusal) =>
        EndpointPages.Show<SignIn>(refusal.Status, new Dictionary<string, object> { [nameof(SignIn.Refusal)] = refusal });

    /// <summary>The page of a failed sign-in: the same for a wrong password, a wrong token, and an account that cannot sign in.</summary>
    public static IResult Failed() => Refused(new SignInRefusal(SignInRefusal.Reason.Failed));

    /// <summary>
    /// The page for a sign-in that opens no session: locked, failed, or a second factor still to set up. Shared by
    /// every way of signing in to the pages, so that each refuses alike.
    /// </summary>
    public static IResult Refusal(HttpContext context, PasswordSignIn.Outcome outcome)
    {
        var refusal = SignInRefusal.From(outcome);
        if (refusal.RetryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = PasswordSignIn.RetryAfterSeconds(wait);
        }
        return Refused(refusal);
    }

    /// <summary>Ends the page session. A form post: the framework checks its antiforgery token before this runs.</summary>
    public static async Task<IResult> SignOut(
        [FromForm] IFormCollection form, HttpContext context, ClaimsPrincipal user, VigilDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var sessionId = user.FindFirstValue(WebSessions.SessionClaim);
        await db.WebSessions.Where(s => s.Id == sessionId && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, clock.GetUtcNow()), cancellationToken);
        foreach (var name in new[] { WebSessions.CookieName, WebSessions.SecureCookieName })
        {
            context.Response.Cookies.Delete(name, new CookieOptions { Path = "/", HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = name == WebSessions.SecureCookieName });
        }
        return SeeOther("/sign-in");
    }

    /// <summary>After a form post, the browser fetches the next page with GET (303), so a reload never posts again.</summary>
    public static IResult SeeOther(string location) => new SeeOtherResult(location);

    private sealed class SeeOtherResult(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = StatusCodes.Status303SeeOther;
            context.Response.Headers.Location = location;
            context.Response.Headers.CacheControl = "no-store";
            return Task.CompletedTask;
        }
    }
}
