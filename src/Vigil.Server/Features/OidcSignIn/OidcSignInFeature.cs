using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Vigil.Server.Features.ReporterPages;
using Vigil.Server.Features.Users;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Web;

namespace Vigil.Server.Features.OidcSignIn;

/// <summary>
/// Optional sign-in to the pages through an OpenID Connect provider (section "Oidc"; off unless configured): the
/// framework's handler runs the authorization code flow with PKCE, state and nonce; a short-lived cookie of its own
/// carries the provider's verified e-mail back to Vigil, which opens its own page session for the enabled user with
/// that e-mail, after the user's second-factor code if one is set up. No account is ever created by signing in.
/// See docs/operations.md.
/// </summary>
public static class OidcSignInFeature
{
    public const string Scheme = "Oidc";

    /// <summary>The cookie scheme that holds the provider's answer between the callback and the session.</summary>
    public const string ExternalScheme = "OidcExternal";

    public const string StartPath = "/sign-in/oidc";

    public const string CompletePath = "/sign-in/oidc/complete";

    /// <summary>Where the provider sends the browser back: register <c>https://{Vigil's host}/signin-oidc</c> with it.</summary>
    public const string CallbackPath = "/signin-oidc";

    public static IServiceCollection AddOidcSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OidcOptions>().BindConfiguration(OidcOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // The handlers exist only when configured: an OpenID Connect handler without a provider would fail every request.
        if (configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() is not { IsEnabled: true })
        {
            return services;
        }
        // The state, nonce and the round trip's cookie need keys only for minutes: kept in memory, never written to
        // disk. A restart in the middle of a sign-in only makes that sign-in start again.
        services.AddKeyedSingleton<IDataProtectionProvider>(ExternalScheme,
            (provider, _) => new EphemeralDataProtectionProvider(provider.GetRequiredService<ILoggerFactory>()));
        services.AddScoped<OidcSignInEvents>();
        services.AddScoped<ProviderSignIn>();
        services.AddAuthentication().AddCookie(ExternalScheme).AddOpenIdConnect(Scheme, _ => { });
        services.AddOptions<CookieAuthenticationOptions>(ExternalScheme)
            .Configure<IOptions<ReporterPagesOptions>, IServiceProvider>((cookie, pages, provider) =>
                OidcHandlerSetup.ConfigureExternalCookie(cookie, pages.Value, provider.GetRequiredKeyedService<IDataProtectionProvider>(ExternalScheme)));
        services.AddOptions<OpenIdConnectOptions>(Scheme)
            .Configure<IOptions<OidcOptions>, IOptions<ReporterPagesOptions>, IServiceProvider>((handler, oidc, pages, provider) =>
                OidcHandlerSetup.ConfigureHandler(handler, oidc.Value, pages.Value, provider.GetRequiredKeyedService<IDataProtectionProvider>(ExternalScheme)));
        return services;
    }

    public static IEndpointRouteBuilder MapOidcSignIn(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<OidcOptions>>().Value.IsEnabled)
        {
            return app;
        }
        // Their answers are pages: the pages' policy (this site's stylesheet), not the API's.
        var pages = app.MapGroup("").WithContentSecurityPolicy(WebFeature.PagePolicy).ExcludeFromDescription();
        pages.MapGet(StartPath, OidcSignInEndpoints.Begin).AllowAnonymous();
        pages.MapGet(CompletePath, OidcSignInEndpoints.Complete).AllowAnonymous();
        pages.MapPost(CompletePath, OidcSignInEndpoints.CompleteWithCode).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn);
        return app;
    }
}
