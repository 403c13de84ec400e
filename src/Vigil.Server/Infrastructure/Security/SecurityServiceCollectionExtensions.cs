using Microsoft.AspNetCore.Authentication;

namespace Vigil.Server.Infrastructure.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>Bearer API tokens, and one authorisation policy per role (named as the role).</summary>
    public static IServiceCollection AddVigilSecurity(this IServiceCollection services)
    {
        services.AddAuthentication(ApiTokenAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, SessionAuthenticationHandler>(SessionAuthenticationHandler.SchemeName, null);
        var authorization = services.AddAuthorizationBuilder();
        foreach (var role in Roles.All)
        {
            authorization.AddPolicy(role, policy => policy.RequireRole(role));
        }
        authorization.AddPolicy(Policies.CaseReaders, policy => policy.RequireRole(Roles.Reporter, Roles.Analyst, Roles.Admin));
        authorization.AddPolicy(Policies.SignedInPages, policy => policy
            .AddAuthenticationSchemes(SessionAuthenticationHandler.SchemeName).RequireAuthenticatedUser());
        // Open pages (notes) are read by anyone; a bearer token or a page session only widens what the reader sees.
        authorization.AddPolicy(Policies.OpenPages, policy => policy
            .AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName, SessionAuthenticationHandler.SchemeName).RequireAssertion(_ => true));
        services.AddSingleton(typeof(Microsoft.AspNetCore.Identity.IPasswordHasher<>), typeof(Microsoft.AspNetCore.Identity.PasswordHasher<>));
        return services;
    }
}

public static class Policies
{
    /// <summary>Those who may read incident content: reporters (their own organisation's), analysts, admins.</summary>
    public const string CaseReaders = "case-readers";

    /// <summary>Pages for a signed-in browser: the session cookie authenticates, and nothing else does.</summary>
    public const string SignedInPages = "signed-in-pages";

    /// <summary>Pages anyone may read, whose content depends on who reads: bearer token or page session, or none.</summary>
    public const string OpenPages = "open-pages";
}
