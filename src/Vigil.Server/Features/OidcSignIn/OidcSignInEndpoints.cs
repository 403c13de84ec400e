using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Vigil.Data;
using Vigil.Server.Features.ReporterPages;
using Vigil.Server.Features.Users;
using Vigil.Server.Infrastructure.Security;
using static Vigil.Server.Features.ReporterPages.PageHtml;

namespace Vigil.Server.Features.OidcSignIn;

/// <summary>
/// The pages of a provider sign-in: the start (off to the provider), and the end, where the round trip's cookie says
/// which e-mail the provider vouched for, the second-factor code is asked for when the user has one, and Vigil's own
/// page session is opened exactly as a password sign-in opens it.
/// </summary>
public static partial class OidcSignInEndpoints
{
    public static async Task Begin(HttpContext context, ILogger<OidcSignInEvents> logger, IOptions<OidcOptions> oidc)
    {
        try
        {
            // The only place the round trip returns to: nothing a request says chooses where the browser goes next.
            await context.ChallengeAsync(OidcSignInFeature.Scheme, new AuthenticationProperties { RedirectUri = OidcSignInFeature.CompletePath });
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException)
        {
            LogProviderUnreachable(logger, e.Message);
            await SignInPage.Form($"{oidc.Value.DisplayName} cannot be reached now. Try again later, or sign in another way.",
                StatusCodes.Status502BadGateway).ExecuteAsync(context);
        }
    }

    /// <summary>Where the round trip lands: opens the session, or asks for the second factor's code, or refuses.</summary>
    public static async Task<IResult> Complete(
        HttpContext context, ProviderSignIn signIn, VigilDbContext db, TimeProvider clock, IOptions<ReporterPagesOptions> pages,
        IOptions<OidcOptions> oidc, CancellationToken cancellationToken)
    {
        if (await VerifiedEmailAsync(context) is not { } email)
        {
            await context.SignOutAsync(OidcSignInFeature.ExternalScheme);
            return SignInPage.Failed();
        }
        var outcome = await signIn.SignInAsync(email, totpCode: null, cancellationToken);
        return await FinishAsync(context, outcome, email, db, clock, pages.Value, oidc.Value, cancellationToken);
    }

    /// <summary>The second factor's code, posted from <see cref="CodePage"/>.</summary>
    public static async Task<IResult> CompleteWithCode(
        HttpContext context, ProviderSignIn signIn, VigilDbContext db, TimeProvider clock, IOptions<ReporterPagesOptions> pages,
        IOptions<OidcOptions> oidc, CancellationToken cancellationToken)
    {
        if (!WebSessions.IsSameOrigin(context.Request) || !context.Request.HasFormContentType)
        {
            return SignInPage.Form("The sign-in form must be sent from this site.", StatusCodes.Status403Forbidden);
        }
        var read = await PageForm.ReadAsync(context.Request, cancellationToken);
        if (read.Form is not { } form)
        {
            return SignInPage.Form(read.Problem, read.Status);
        }
        if (await VerifiedEmailAsync(context) is not { } email)
        {
            await context.SignOutAsync(OidcSignInFeature.ExternalScheme);
            return SignInPage.Failed();
        }
        var outcome = await signIn.SignInAsync(email, form["totp"].ToString(), cancellationToken);
        return await FinishAsync(context, outcome, email, db, clock, pages.Value, oidc.Value, cancellationToken);
    }

    private static async Task<IResult> FinishAsync(
        HttpContext context, PasswordSignIn.Outcome outcome, string email, VigilDbContext db, TimeProvider clock, ReporterPagesOptions pages,
        OidcOptions oidc, CancellationToken cancellationToken)
    {
        if (outcome is ProviderSignIn.CodeNeeded needed)
        {
            return CodePage(email, oidc.DisplayName, needed.WrongCode);
        }
        // Whatever happens next, the provider's answer has been used: the round trip's cookie goes.
        await context.SignOutAsync(OidcSignInFeature.ExternalScheme);
        if (outcome is not PasswordSignIn.SignedIn { MustEnrolTotp: false } signedIn)
        {
            return SignInPage.Refusal(context, outcome);
        }
        await PageSessions.OpenAsync(context, db, pages, signedIn.User.Id, apiTokenId: null, clock, cancellationToken);
        // After the code form (a post from this site) a redirect carries the SameSite=Strict cookie. Straight after the
        // provider's redirect it would not: the browser counts a redirect chain that began on another site as
        // cross-site. A navigation this page starts itself is same-site, so the session is met by its cookie.
        return HttpMethods.IsPost(context.Request.Method) ? SignInPage.SeeOther("/inventory") : ContinuePage();
    }

    private static async Task<string?> VerifiedEmailAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(OidcSignInFeature.ExternalScheme);
        return result.Succeeded ? result.Principal.FindFirstValue(OidcSignInEvents.VerifiedEmailClaim) : null;
    }

    private static IResult CodePage(string email, string provider, bool wrongCode)
    {
        var html = Start("Second factor").Append("<h1>One more step</h1>\n")
            .Append("<p>").Append(E(provider)).Append(" says you are ").Append(E(email))
            .Append(". Your Vigil account also has a second factor: enter the code from your authenticator app.</p>\n");
        if (wrongCode)
        {
            html.Append("<p class=\"errors\" role=\"alert\">That code is wrong or was used already.</p>\n");
        }
        html.Append($"""
            <form method="post" action="{OidcSignInFeature.CompletePath}">
            <p><label>Code <input type="text" name="totp" inputmode="numeric" autocomplete="one-time-code" required></label></p>
            <p><button type="submit">Sign in</button></p>
            </form>

            """);
        return Page(html, wrongCode ? StatusCodes.Status401Unauthorized : StatusCodes.Status200OK);
    }

    private static IResult ContinuePage() =>
        Page(Start("Signed in", refreshTo: "/inventory").Append("<h1>Signed in</h1>\n<p><a href=\"/inventory\">Continue to Vigil</a></p>\n"));

    [LoggerMessage(EventId = 5202, Level = LogLevel.Warning, Message = "OpenID Connect sign-in could not start: {Reason}")]
    private static partial void LogProviderUnreachable(ILogger logger, string reason);
}
