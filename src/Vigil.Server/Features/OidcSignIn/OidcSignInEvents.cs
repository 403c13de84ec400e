using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Vigil.Server.Features.ReporterPages;

namespace Vigil.Server.Features.OidcSignIn;

/// <summary>
/// What Vigil does at the end of the provider's round trip: keeps only the verified e-mail in the round trip's cookie
/// (nothing else the provider said), and answers a failed round trip (a wrong or replayed state, a missing
/// correlation cookie, the provider's error, a token that does not validate) with the sign-in page, never a 500.
/// </summary>
public sealed partial class OidcSignInEvents(IOptions<OidcOptions> options, ILogger<OidcSignInEvents> logger) : OpenIdConnectEvents
{
    public const string EmailVerifiedClaim = "email_verified";

    /// <summary>The one claim the round trip's cookie carries: the e-mail, present only when the provider vouches for it.</summary>
    public const string VerifiedEmailClaim = "vigil:verified-email";

    public override Task TicketReceived(TicketReceivedContext context)
    {
        var email = VerifiedEmail(context.Principal!, options.Value);
        if (email is null)
        {
            LogNoVerifiedEmail(logger, options.Value.EmailClaim);
        }
        var identity = new ClaimsIdentity(OidcSignInFeature.ExternalScheme);
        if (email is not null)
        {
            identity.AddClaim(new Claim(VerifiedEmailClaim, email));
        }
        context.Principal = new ClaimsPrincipal(identity);
        context.ReturnUri = OidcSignInFeature.CompletePath;
        return Task.CompletedTask;
    }

    public override async Task RemoteFailure(RemoteFailureContext context)
    {
        LogRoundTripFailed(logger, context.Failure?.Message ?? "unknown");
        context.HandleResponse();
        await SignInPage.Refused(new SignInRefusal(SignInRefusal.Reason.ProviderIncomplete)).ExecuteAsync(context.HttpContext);
    }

    /// <summary>The e-mail in <see cref="OidcOptions.EmailClaim"/>, if the provider says it is verified (or that is not required).</summary>
    public static string? VerifiedEmail(ClaimsPrincipal principal, OidcOptions options)
    {
        var email = principal.FindFirst(options.EmailClaim)?.Value.Trim();
        if (string.IsNullOrEmpty(email) || email.Length > 254)
        {
            return null;
        }
        // "true" in an ID token; "True" from the UserInfo answer as the handler maps a JSON boolean.
        var verified = string.Equals(principal.FindFirst(EmailVerifiedClaim)?.Value, "true", StringComparison.OrdinalIgnoreCase);
        return verified || !options.RequireVerifiedEmail ? email : null;
    }

    [LoggerMessage(EventId = 5200, Level = LogLevel.Warning, Message = "OpenID Connect sign-in did not complete: {Reason}")]
    private static partial void LogRoundTripFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information,
        Message = "OpenID Connect sign-in: the provider gave no e-mail in claim {Claim}, or did not say it is verified")]
    private static partial void LogNoVerifiedEmail(ILogger logger, string claim);
}
