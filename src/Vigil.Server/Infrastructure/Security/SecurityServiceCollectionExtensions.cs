using Microsoft.AspNetCore.Authentication;

namespace Vigil.Server.Infrastructure.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>Bearer API tokens, and one authorisation policy per role (named as the role).</summary>
    public static IServiceCollection AddVigilSecurity(this IServiceCollection services)
    {
        services.AddAuthentication(ApiTokenAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        var authorization = services.AddAuthorizationBuilder();
        foreach (var role in Roles.All)
        {
            authorization.AddPolicy(role, policy => policy.RequireRole(role));
        }
        authorization.AddPolicy(Policies.CaseReaders, policy => policy.RequireRole(Roles.Reporter, Roles.Analyst, Roles.Admin));
        services.AddSingleton(typeof(Microsoft.AspNetCore.Identity.IPasswordHasher<>), typeof(Microsoft.AspNetCore.Identity.PasswordHasher<>));
        return services;
    }
}

public static class Policies
{
    /// <summary>Those who may read incident content: reporters (their own organisation's), analysts, admins.</summary>
    public const string CaseReaders = "case-readers";
}
