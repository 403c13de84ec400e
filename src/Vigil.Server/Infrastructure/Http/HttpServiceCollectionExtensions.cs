using System.Text.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Vigil.Server.Infrastructure.Http;

public static class HttpServiceCollectionExtensions
{
    /// <summary>snake_case JSON, problem details for every error, rate limits, the clock, and Kestrel's body limit.</summary>
    public static IServiceCollection AddVigilHttp(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.DictionaryKeyPolicy = null;
        });
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // Routing answers 415 itself when the Content-Type is not one an endpoint accepts: name the header.
            if (context.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType && !context.ProblemDetails.Extensions.ContainsKey("errors"))
            {
                context.ProblemDetails.Type = "urn:vigil:problem:unsupported-media-type";
                context.ProblemDetails.Detail = "Send the body with Content-Type: application/json.";
                context.ProblemDetails.Extensions["errors"] = new[] { new Dictionary<string, string> { ["header"] = "Content-Type", ["detail"] = "must be application/json" } };
            }
        });
        services.Configure<KestrelServerOptions>(options =>
        {
            options.Limits.MaxRequestBodySize = JsonBody.MaxBytes + 1;
            // No "Server: Kestrel": nothing to tell a scanner which exploits to try.
            options.AddServerHeader = false;
        });
        services.AddRateLimits();
        services.AddSingleton(TimeProvider.System);
        services.AddHostedService<IdempotencyRecordPruner>();
        return services;
    }

    /// <summary>Unhandled exceptions and bare status codes become problem+json; nothing leaks a stack trace.</summary>
    public static WebApplication UseVigilErrors(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
