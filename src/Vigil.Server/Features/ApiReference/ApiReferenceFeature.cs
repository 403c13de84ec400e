using Scalar.AspNetCore;

namespace Vigil.Server.Features.ApiReference;

/// <summary>The OpenAPI 3.1 description of the running API (/openapi/v1.json) and a browsable reference (/docs).</summary>
public static class ApiReferenceFeature
{
    public static IServiceCollection AddApiReference(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Vigil API";
            document.Info.Description = "Incident reports, their history, and the record that proves what was said and when.";
            return Task.CompletedTask;
        }));

    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/docs", options =>
        {
            options.WithTitle("Vigil API");
            // Nothing on this page may call out: no request proxy (it would see tokens), no telemetry, no AI chat.
            options.ProxyUrl = null;
            options.Telemetry = false;
            options.Agent = new ScalarAgentOptions { Disabled = true };
            options.Mcp = new ScalarMcpOptions { Disabled = true };
            options.ShowDeveloperTools = DeveloperToolsVisibility.Never;
            // Scalar would load its fonts from fonts.scalar.com; the page's policy forbids it, so do not ask.
            options.DefaultFonts = false;
        }).AllowAnonymous().AddEndpointFilter(ApiReferencePolicy.ApplyAsync);
        return app;
    }
}
