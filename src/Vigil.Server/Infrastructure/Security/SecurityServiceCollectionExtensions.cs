using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Vigil.Data;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Infrastructure.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>
    /// Bearer API tokens and page sessions; one authorisation policy per role (named as the role) and the few others in
    /// <see cref="Policies"/>; a fallback policy that refuses any endpoint that declares none; and the reader every
    /// database query of a request is filtered for (<see cref="RequestAudience"/>).
    /// </summary>
    public static IServiceCollection AddVigilSecurity(this IServiceCollection services)
    {
        services.AddAuthentication(ApiTokenAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, SessionAuthenticationHandler>(SessionAuthenticationHandler.SchemeName, null);
        var authorization = services.AddAuthorizationBuilder();
        foreach (var role in Roles.All)
        {
            authorization.AddPolicy(role, policy => policy.RequireRole(role).RequireFullCredential());
        }
        authorization.AddPolicy(Policies.CaseReaders, policy => policy.RequireRole(Roles.Reporter, Roles.Analyst, Roles.Admin).RequireFullCredential());
        authorization.AddPolicy(Policies.Filers, policy => policy.RequireRole(Roles.Reporter, Roles.Analyst).RequireFullCredential());
        authorization.AddPolicy(Policies.Staff, policy => policy.RequireRole(Roles.Analyst, Roles.Admin).RequireFullCredential());
        authorization.AddPolicy(Policies.SignedIn, policy => policy.RequireAuthenticatedUser().RequireFullCredential());
        authorization.AddPolicy(Policies.SignedInPages, policy => policy
            .AddAuthenticationSchemes(SessionAuthenticationHandler.SchemeName).RequireAuthenticatedUser().RequireFullCredential());
        // The CERT's, oversight's and the administrator's pages: a page session of one of the roles, nothing else.
        foreach (var (name, roles) in Policies.RolePages)
        {
            authorization.AddPolicy(name, policy => policy
                .AddAuthenticationSchemes(SessionAuthenticationHandler.SchemeName).RequireRole(roles).RequireFullCredential());
        }
        // Open to anyone; a bearer token only widens what the caller sees (the database reads for its audience). A
        // token that does not authenticate (unknown, expired, revoked, its user disabled) is answered 401, not read as
        // the public, so that its holder learns it has to sign in again; one limited to a purpose is refused too.
        authorization.AddPolicy(Policies.Public, policy => policy.RequireAssertion(context => context.User.Identity?.IsAuthenticated == true
            ? !context.User.HasRestrictedScope()
            : context.Resource is not HttpContext http || string.IsNullOrEmpty(http.Request.Headers.Authorization)));
        // Open pages (notes) are read by anyone; a bearer token or a page session only widens what the reader sees.
        authorization.AddPolicy(Policies.OpenPages, policy => policy
            .AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName, SessionAuthenticationHandler.SchemeName).RequireAssertion(_ => true));
        authorization.AddPolicy(Policies.TotpEnrolment, policy => policy.RequireAuthenticatedUser());
        // RequireAuthorization() without a policy name: signed in with a full credential, like every named policy.
        authorization.SetDefaultPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireFullCredential().Build());
        // An endpoint that declares no policy is refused to everyone: forgetting one can only close a door. A path that
        // matches no endpoint is left to answer 404 (and one the router refuses, 405 or 415).
        authorization.SetFallbackPolicy(new AuthorizationPolicyBuilder()
            .RequireAssertion(context => context.Resource is HttpContext http && http.GetEndpoint() is not RouteEndpoint).Build());
        services.AddSingleton(typeof(Microsoft.AspNetCore.Identity.IPasswordHasher<>), typeof(Microsoft.AspNetCore.Identity.PasswordHasher<>));
        services.AddOptions<VaultOptions>().BindConfiguration(VaultOptions.Section);
        services.AddSingleton<VaultKey>();
        // Made (or checked owner-only) while the server starts: a loosened key file stops the start, not a later request.
        services.AddHostedService<BuiltAtStart<VaultKey>>();
        services.AddHttpContextAccessor();
        services.AddSingleton<IAudienceSource, RequestAudience>();
        return services;
    }

    /// <summary>A credential limited to one purpose (a second-factor enrolment) passes no ordinary policy.</summary>
    private static AuthorizationPolicyBuilder RequireFullCredential(this AuthorizationPolicyBuilder policy) =>
        policy.RequireAssertion(context => !context.User.HasRestrictedScope());
}

public static class Policies
{
    /// <summary>Those who may read incident content: reporters (their own organisation's), analysts, admins.</summary>
    public const string CaseReaders = "case-readers";

    /// <summary>Those who send files with what they file: reporters and analysts.</summary>
    public const string Filers = "filers";

    /// <summary>The CERT's staff: analysts and admins.</summary>
    public const string Staff = "staff";

    /// <summary>Anyone signed in with a full credential, whatever the role.</summary>
    public const string SignedIn = "signed-in";

    /// <summary>Anyone, signed in or not: what the caller reads is narrowed by its TLP audience.</summary>
    public const string Public = "public";

    /// <summary>Pages for a signed-in browser: the session cookie authenticates, and nothing else does.</summary>
    public const string SignedInPages = "signed-in-pages";

    /// <summary>Pages of the analysts' work (note editor, collections): a page session of an analyst.</summary>
    public const string AnalystPages = "analyst-pages";

    /// <summary>Pages of the CERT's staff (triage, followed providers): a page session of an analyst or an admin.</summary>
    public const string StaffPages = "staff-pages";

    /// <summary>Figures pages (on-time and completeness): a page session of oversight or the CERT's staff.</summary>
    public const string OversightPages = "oversight-pages";

    /// <summary>The administrator's pages: a page session of an admin.</summary>
    public const string AdminPages = "admin-pages";

    /// <summary>The page policies that ask for a role, with the roles each lets in.</summary>
    public static readonly IReadOnlyList<(string Name, string[] Roles)> RolePages =
    [
        (AnalystPages, [Roles.Analyst]),
        (StaffPages, [Roles.Analyst, Roles.Admin]),
        (OversightPages, [Roles.Oversight, Roles.Analyst, Roles.Admin]),
        (AdminPages, [Roles.Admin]),
    ];

    /// <summary>True for a policy that only a page session passes.</summary>
    public static bool IsPageSession(string policy) => policy == SignedInPages || RolePages.Any(p => p.Name == policy);

    /// <summary>Pages anyone may read, whose content depends on who reads: bearer token or page session, or none.</summary>
    public const string OpenPages = "open-pages";

    /// <summary>The one thing a credential limited to second-factor enrolment may do.</summary>
    public const string TotpEnrolment = "totp-enrolment";
}
