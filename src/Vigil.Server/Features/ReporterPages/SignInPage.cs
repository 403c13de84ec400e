using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Data;
using Vigil.Server.Features.OidcSignIn;
using Vigil.Server.Features.Users;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.ReporterPages;

/// <summary>
/// Signing in to the pages: an e-mail and password, or an API token (or, when configured, an OpenID Connect provider:
/// see <see cref="OidcSignInFeature"/>), exchanged for a server-side session whose secret only the HttpOnly cookie
/// holds. Signing out revokes the session.
/// </summary>
public static class SignInPage
{
    /// <summary>What every failed sign-in says, whichever way it was tried: nothing tells which part was wrong.</summary>
    public const string FailedSentence = "Sign-in failed: the e-mail, password, code or token is wrong, or no enabled account here has this e-mail.";

    /// <summary>The sign-in form, with the problem to show; it offers the OpenID Connect provider when one is configured.</summary>
    public static IResult Form(string? problem = null, int status = StatusCodes.Status200OK) => new FormResult(problem, status);

    /// <summary>The page of a failed sign-in: the same for a wrong password, a wrong token, and an account that cannot sign in.</summary>
    public static IResult Failed() =>
        new RazorComponentResult<SignIn>(new Dictionary<string, object?> { [nameof(SignIn.Refusal)] = new SignInRefusal(SignInRefusal.Reason.Failed) })
        {
            StatusCode = StatusCodes.Status401Unauthorized,
        };

    private sealed class FormResult(string? problem, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            var oidc = context.RequestServices.GetRequiredService<IOptions<OidcOptions>>().Value;
            var html = PageHtml.Start("Sign in").Append("<h1>Sign in to Vigil</h1>\n");
            if (problem is not null)
            {
                html.Append("<p class=\"errors\" role=\"alert\">").Append(PageHtml.E(problem)).Append("</p>\n");
            }
            html.Append("""
                <form method="post" action="/sign-in">
                <p><label>E-mail <input type="email" name="email" autocomplete="username"></label></p>
                <p><label>Password <input type="password" name="password" autocomplete="current-password"></label></p>
                <p><label>Code from your authenticator app, if you set one up <input type="text" name="totp" inputmode="numeric" autocomplete="one-time-code"></label></p>
                <p>or</p>
                <p><label>API token <input type="password" name="token" autocomplete="off"></label></p>
                <p><button type="submit">Sign in</button></p>
                </form>

                """);
            if (oidc.IsEnabled)
            {
                html.Append("<p>or</p>\n<p><a href=\"").Append(OidcSignInFeature.StartPath).Append("\">Sign in with ")
                    .Append(PageHtml.E(oidc.DisplayName)).Append("</a></p>\n");
            }
            return PageHtml.Page(html, status).ExecuteAsync(context);
        }
    }

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
        return new RazorComponentResult<SignIn>(new Dictionary<string, object?> { [nameof(SignIn.Refusal)] = refusal }) { StatusCode = refusal.Status };
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
