using System.Text.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Vigil.Server.Infrastructure.Http;

public static class HttpServiceCollectionExtensions
{
    /// <summary>snake_case JSON, problem details for every error, the clock, and Kestrel's body limit.</summary>
    public static IServiceCollection AddVigilHttp(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.DictionaryKeyPolicy = null;
        });
        services.AddProblemDetails();
        services.Configure<KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = JsonBody.MaxBytes + 1);
        services.AddSingleton(TimeProvider.System);
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
