using System.Security.Claims;
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
    public static IResult Failed() => Form(FailedSentence, StatusCodes.Status401Unauthorized);

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

    public static async Task<IResult> SignIn(
        HttpContext context, VigilDbContext db, PasswordSignIn passwords, TimeProvider clock, IOptions<ReporterPagesOptions> options, CancellationToken cancellationToken)
    {
        if (!WebSessions.IsSameOrigin(context.Request) || !context.Request.HasFormContentType)
        {
            return Form("The sign-in form must be sent from this site.", StatusCodes.Status403Forbidden);
        }
        var read = await PageForm.ReadAsync(context.Request, cancellationToken);
        if (read.Form is not { } form)
        {
            return Form(read.Problem, read.Status);
        }
        string? userId = null, tokenId = null;
        if (form["token"].ToString() is { Length: > 0 } token)
        {
            // The same tokens as the API accepts (not a disabled user's, not a superseded bootstrap token), and only
            // full ones: a token limited to enrolling a second factor opens no pages.
            var hash = ApiTokens.Hash(token);
            var found = await db.Authenticating(clock.GetUtcNow())
                .Where(t => t.TokenHash == hash && t.Scope == null)
                .Select(t => new { t.Id, t.UserId }).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
            (userId, tokenId) = (found?.UserId, found?.Id);
        }
        else if (form["email"].ToString() is { Length: > 0 } email)
        {
            var outcome = await passwords.SignInAsync(email, form["password"].ToString(), form["totp"].ToString(), cancellationToken);
            if (outcome is not PasswordSignIn.SignedIn { MustEnrolTotp: false } signedIn)
            {
                return Refusal(context, outcome);
            }
            userId = signedIn.User.Id;
        }
        if (userId is null)
        {
            return Failed();
        }
        await PageSessions.OpenAsync(context, db, options.Value, userId, tokenId, clock, cancellationToken);
        return SeeOther("/inventory");
    }

    /// <summary>
    /// The page for a sign-in that opens no session: locked, failed, or a second factor still to set up. Shared by
    /// every way of signing in to the pages, so that each refuses alike.
    /// </summary>
    public static IResult Refusal(HttpContext context, PasswordSignIn.Outcome outcome)
    {
        switch (outcome)
        {
            case PasswordSignIn.LockedOut locked:
                context.Response.Headers.RetryAfter = PasswordSignIn.RetryAfterSeconds(locked.RetryAfter);
                return Form($"Too many failed sign-ins for this e-mail: try again in {PasswordSignIn.RetryAfterSeconds(locked.RetryAfter)} seconds.",
                    StatusCodes.Status429TooManyRequests);
            case PasswordSignIn.SignedIn { MustEnrolTotp: true }:
                return Form("Your role signs in with a second factor, and you have not set one up yet: set it up through the API first.",
                    StatusCodes.Status403Forbidden);
            default:
                return Failed();
        }
    }

    public static async Task<IResult> SignOut(HttpContext context, ClaimsPrincipal user, VigilDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var read = await PageForm.ReadAsync(context.Request, cancellationToken);
        if (read.Problem is not null)
        {
            return Form(read.Problem, read.Status);
        }
        if (!WebSessions.IsSameOrigin(context.Request) || !WebSessions.CsrfTokenMatches(context.Request, read.Form?["csrf"].ToString()))
        {
            return Form("The sign-out form must be sent from this site.", StatusCodes.Status403Forbidden);
        }
        var sessionId = user.FindFirstValue(WebSessions.SessionClaim);
        await db.WebSessions.Where(s => s.Id == sessionId && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, clock.GetUtcNow()), cancellationToken);
        context.Response.Cookies.Delete(WebSessions.CookieName, new CookieOptions { Path = "/", HttpOnly = true, SameSite = SameSiteMode.Strict });
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
