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
        app.MapGet("/sign-in", () => SignInPage.Form()).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/sign-in", SignInPage.SignIn).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn).DisableAntiforgery().ExcludeFromDescription();

        var pages = app.MapGroup("").RequireAuthorization(Policies.SignedInPages).DisableAntiforgery().ExcludeFromDescription();
        pages.MapPost("/sign-out", SignInPage.SignOut);
        pages.MapGet("/inventory", InventoryPage.Home);
        pages.MapGet("/organisations/{id}/inventory", InventoryPage.Show);
        pages.MapPost("/organisations/{id}/inventory", InventoryPage.Upload);
        return app;
    }
}
