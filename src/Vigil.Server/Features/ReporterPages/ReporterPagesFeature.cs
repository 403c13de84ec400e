using Vigil.Server.Infrastructure.Http;
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
        // The sign-in page itself is a component (SignIn.razor); signing out is a form post with the framework's antiforgery.
        app.MapPost("/sign-out", SignInPage.SignOut).RequireAuthorization(Policies.SignedInPages).ExcludeFromDescription();

        var pages = app.MapGroup("").RequireAuthorization(Policies.SignedInPages).DisableAntiforgery().ExcludeFromDescription();
        pages.MapGet("/inventory", InventoryPage.Home);
        pages.MapGet("/organisations/{id}/inventory", InventoryPage.Show);
        pages.MapPost("/organisations/{id}/inventory", InventoryPage.Upload);
        return app;
    }
}
