using Vigil.Server.Infrastructure.Http;

namespace Vigil.Server.Features.ApiReference;

/// <summary>
/// The OpenAPI 3.1 description of the running API (/openapi/v1.json) and a reference to read it by (/docs): pages of
/// our own, rendered on the server from that document, so that nothing is loaded from anywhere else and the pages
/// weigh what a page weighs (a browser-side viewer ran a 4.9 MB script and asked a font host for its fonts).
/// </summary>
public static class ApiReferenceFeature
{
    public const string DocumentPath = "/openapi/v1.json";

    public static IServiceCollection AddApiReference(this IServiceCollection services)
    {
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Vigil API";
            document.Info.Description = "Incident reports, their history, and the record that proves what was said and when.";
            return Task.CompletedTask;
        }));
        services.AddSingleton<ApiDescription>();
        return services;
    }

    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder app)
    {
        // Built anew for each request: counted as a costly read for callers without a credential.
        app.MapOpenApi().AllowAnonymous().RequireRateLimiting(RateLimits.Costly);
        return app;
    }
}
