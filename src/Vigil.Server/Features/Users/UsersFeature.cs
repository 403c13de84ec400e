using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Users;

/// <summary>
/// Users, their tokens, passwords, sessions and second factors: admins create and manage users and take access away;
/// anyone with a password signs in for a token. Every administrative change is on the record. See docs/api.md.
/// </summary>
public static class UsersFeature
{
    public static IServiceCollection AddUsers(this IServiceCollection services)
    {
        services.AddScoped<UserAccounts>();
        services.AddScoped<AccountLockout>();
        services.AddScoped<TotpFactor>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<AccountTokens>();
        services.AddScoped<PasswordChange>();
        services.AddScoped<UserAdministration>();
        services.AddOptions<AccountsOptions>().BindConfiguration(AccountsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<FirstStartOptions>().BindConfiguration(FirstStartOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<FirstStart>();
        return services;
    }

    public static IEndpointRouteBuilder MapUsers(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/v1/users").WithTags("Users").RequireAuthorization(Roles.Admin);
        UserEndpoints.Map(users);
        UserStateEndpoints.Map(users);
        TokenEndpoints.Map(users, app);
        PasswordResetEndpoints.Map(users, app);
        SessionEndpoints.Map(users, app);
        TotpEndpoints.Map(users, app);
        SignInEndpoints.Map(app);
        PasswordEndpoints.Map(app);
        return app;
    }
}
