using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Vigil.Data;
using Vigil.Server.Features.ReporterPages;
using Vigil.Server.Features.Users;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Infrastructure.Web;

namespace Vigil.Server.Features.OidcSignIn;

/// <summary>
/// The pages of a provider sign-in: the start (off to the provider), and the end, where the round trip's cookie says
/// which e-mail the provider vouched for, the second-factor code is asked for when the user has one, and Vigil's own
/// page session is opened exactly as a password sign-in opens it.
/// </summary>
public static partial class OidcSignInEndpoints
{
    public static async Task Begin(HttpContext context, ILogger<OidcSignInEvents> logger)
    {
        try
        {
            // The only place the round trip returns to: nothing a request says chooses where the browser goes next.
            await context.ChallengeAsync(OidcSignInFeature.Scheme, new AuthenticationProperties { RedirectUri = OidcSignInFeature.CompletePath });
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException)
        {
            LogProviderUnreachable(logger, e.Message);
            await SignInPage.Refused(new SignInRefusal(SignInRefusal.Reason.ProviderUnreachable)).ExecuteAsync(context);
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
        [FromForm(Name = "totp")] string? totp, HttpContext context, ProviderSignIn signIn, VigilDbContext db, TimeProvider clock,
        IOptions<ReporterPagesOptions> pages, IOptions<OidcOptions> oidc, CancellationToken cancellationToken)
    {
        // A form post: the framework has checked its antiforgery token before this runs.
        if (await VerifiedEmailAsync(context) is not { } email)
        {
            await context.SignOutAsync(OidcSignInFeature.ExternalScheme);
            return SignInPage.Failed();
        }
        var outcome = await signIn.SignInAsync(email, totp ?? "", cancellationToken);
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
        return HttpMethods.IsPost(context.Request.Method) ? SignInPage.SeeOther(SignIn.Landing) : EndpointPages.Show<OidcContinue>();
    }

    private static async Task<string?> VerifiedEmailAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(OidcSignInFeature.ExternalScheme);
        return result.Succeeded ? result.Principal.FindFirstValue(OidcSignInEvents.VerifiedEmailClaim) : null;
    }

    private static IResult CodePage(string email, string provider, bool wrongCode) =>
        EndpointPages.Show<OidcCode>(wrongCode ? StatusCodes.Status401Unauthorized : StatusCodes.Status200OK, new Dictionary<string, object>
        {
            [nameof(OidcCode.Email)] = email,
            [nameof(OidcCode.Provider)] = provider,
            [nameof(OidcCode.WrongCode)] = wrongCode,
        });

    [LoggerMessage(EventId = 5202, Level = LogLevel.Warning, Message = "OpenID Connect sign-in could not start: {Reason}")]
    private static partial void LogProviderUnreachable(ILogger logger, string reason);
}
