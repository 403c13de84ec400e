using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.ReporterPages;

/// <summary>
/// Pages for people who report: sign in (a session cookie, never the API token itself), see what affects the
/// organisation, and replace its inventory with an SBOM. See docs/reporter-pages.md.
/// </summary>
public static class ReporterPagesFeature
{
    public static IServiceCollection AddReporterPages(this IServiceCollection services)
    {
        services.AddOptions<ReporterPagesOptions>().BindConfiguration(ReporterPagesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    public static IEndpointRouteBuilder MapReporterPages(this IEndpointRouteBuilder app)
    {
        // The pages themselves are components (SignIn.razor, InventoryHome.razor, OrganisationInventory.razor);
        // signing out is a form post with the framework's antiforgery.
        app.MapPost("/sign-out", SignInPage.SignOut).RequireAuthorization(Policies.SignedInPages).ExcludeFromDescription();
        return app;
    }
}
