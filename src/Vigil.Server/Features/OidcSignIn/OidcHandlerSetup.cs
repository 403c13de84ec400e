using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Vigil.Server.Features.ReporterPages;

namespace Vigil.Server.Features.OidcSignIn;

/// <summary>How the framework's OpenID Connect handler and the round trip's cookie are set up from <see cref="OidcOptions"/>.</summary>
public static class OidcHandlerSetup
{
    /// <summary>How long the provider's answer waits for the second-factor code before the sign-in must start again.</summary>
    public static readonly TimeSpan RoundTripLifetime = TimeSpan.FromMinutes(5);

    public static void ConfigureHandler(OpenIdConnectOptions handler, OidcOptions oidc, ReporterPagesOptions pages, IDataProtectionProvider protection)
    {
        handler.Authority = oidc.Authority;
        handler.ClientId = oidc.ClientId;
        handler.ClientSecret = oidc.ClientSecret;
        handler.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
        // The authorization code flow with PKCE (S256); the code comes back in the query of a top-level GET, which a
        // SameSite=Lax cookie accompanies (form_post would need SameSite=None cookies, refused over plain HTTP).
        handler.ResponseType = OpenIdConnectResponseType.Code;
        handler.ResponseMode = OpenIdConnectResponseMode.Query;
        handler.UsePkce = true;
        handler.Scope.Clear();
        foreach (var scope in oidc.EffectiveScopes)
        {
            handler.Scope.Add(scope);
        }
        // Many providers put the e-mail only in the UserInfo answer when an access token is issued.
        handler.GetClaimsFromUserInfoEndpoint = true;
        handler.ClaimActions.MapUniqueJsonKey(oidc.EmailClaim, oidc.EmailClaim);
        handler.ClaimActions.MapUniqueJsonKey(OidcSignInEvents.EmailVerifiedClaim, OidcSignInEvents.EmailVerifiedClaim);
        // Claims keep the provider's names ("email", not a SOAP-era URI), and no token of the provider is kept.
        handler.MapInboundClaims = false;
        handler.SaveTokens = false;
        handler.DisableTelemetry = true;
        handler.CallbackPath = OidcSignInFeature.CallbackPath;
        handler.SignInScheme = OidcSignInFeature.ExternalScheme;
        // Vigil's session does not follow the provider's: no front-channel sign-out, no signed-out callback.
        handler.RemoteSignOutPath = PathString.Empty;
        handler.SignedOutCallbackPath = PathString.Empty;
        // The round trip (and so its correlation and nonce cookies) lasts at most this long.
        handler.RemoteAuthenticationTimeout = TimeSpan.FromMinutes(10);
        handler.ProtocolValidator.NonceLifetime = handler.RemoteAuthenticationTimeout;
        handler.EventsType = typeof(OidcSignInEvents);
        handler.DataProtectionProvider = protection;
        RoundTripCookie(handler.CorrelationCookie, pages);
        RoundTripCookie(handler.NonceCookie, pages);
    }

    public static void ConfigureExternalCookie(CookieAuthenticationOptions cookie, ReporterPagesOptions pages, IDataProtectionProvider protection)
    {
        cookie.Cookie.Name = "vigil_oidc";
        // Sent only to the pages that finish the sign-in.
        cookie.Cookie.Path = OidcSignInFeature.StartPath;
        RoundTripCookie(cookie.Cookie, pages);
        cookie.ExpireTimeSpan = RoundTripLifetime;
        cookie.SlidingExpiration = false;
        cookie.DataProtectionProvider = protection;
    }

    /// <summary>
    /// The cookies of the round trip come back with the provider's redirect, a cross-site top-level GET: SameSite=Lax
    /// lets them, and keeps them from any cross-site POST or subrequest. Secure as the session cookie is.
    /// </summary>
    private static void RoundTripCookie(CookieBuilder cookie, ReporterPagesOptions pages)
    {
        cookie.HttpOnly = true;
        cookie.SameSite = SameSiteMode.Lax;
        cookie.SecurePolicy = pages.SecureCookie ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        cookie.IsEssential = true;
    }
}
