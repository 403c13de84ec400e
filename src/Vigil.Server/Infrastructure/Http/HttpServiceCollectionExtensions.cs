using System.Text.Json;

namespace Vigil.Server.Infrastructure.Http;

public static class HttpServiceCollectionExtensions
{
    /// <summary>snake_case JSON, problem details for every error, rate limits, the clock, and Kestrel's limits on clients.</summary>
    public static IServiceCollection AddVigilHttp(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.DictionaryKeyPolicy = null;
        });
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var error = context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error;
            if (error is Features.Ledger.LedgerSigningException)
            {
                DescribeSigningFailure(context);
            }
            else if (error is not null && Storage.StorageFull.Is(error))
            {
                StorageFullAnswer.Describe(context.ProblemDetails);
            }
            // Routing answers 415 itself when the Content-Type is not one an endpoint accepts: name the header.
            if (context.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType && !context.ProblemDetails.Extensions.ContainsKey("errors"))
            {
                // The API takes JSON; the pages' forms (everything outside /api/) take forms.
                var wanted = context.HttpContext.Request.Path.StartsWithSegments("/api") ? "application/json" : "application/x-www-form-urlencoded or multipart/form-data";
                context.ProblemDetails.Type = "urn:vigil:problem:unsupported-media-type";
                context.ProblemDetails.Detail = $"Send the body with Content-Type: {wanted}.";
                context.ProblemDetails.Extensions["errors"] = new[] { new Dictionary<string, string> { ["header"] = "Content-Type", ["detail"] = "must be " + wanted } };
            }
        });
        services.AddClientLimits();
        services.AddRateLimits();
        services.AddSingleton(TimeProvider.System);
        services.AddHostedService<IdempotencyRecordPruner>();
        return services;
    }

    /// <summary>
    /// Unhandled exceptions and bare status codes become problem+json (on a page: a page); nothing leaks a stack trace.
    /// A request the framework itself could not read (a form cut short, a bad antiforgery token) is the client's
    /// mistake: 400, logged as nothing worse.
    /// </summary>
    public static WebApplication UseVigilErrors(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = StatusOf,
            // A signer that failed was logged where it failed, once, without the signer's arguments; a full storage is
            // logged once per episode, by the episode.
            SuppressDiagnosticsCallback = context =>
                context.Exception is Features.Ledger.LedgerSigningException || StatusOf(context.Exception) < StatusCodes.Status500InternalServerError
                    || Storage.StorageFull.Is(context.Exception),
            ExceptionHandler = async context =>
            {
                StorageFullAnswer.Refused(context);
                await RequestErrors.WriteAsync(context);
            },
        });
        app.UseStatusCodePages(context => RequestErrors.WriteAsync(context.HttpContext));
        return app;
    }

    /// <summary>The log could not sign: nothing was recorded, and the signer may be back soon (it was logged once, where it failed).</summary>
    private static void DescribeSigningFailure(ProblemDetailsContext context)
    {
        context.ProblemDetails.Type = "urn:vigil:problem:log-cannot-sign";
        context.ProblemDetails.Title = "The transparency log could not sign";
        context.ProblemDetails.Detail = "Nothing was recorded: the log's signing key did not answer. Send the same request again later.";
        context.HttpContext.Response.Headers.RetryAfter = "30";
    }

    private static int StatusOf(Exception exception) => exception switch
    {
        Features.Ledger.LedgerSigningException => StatusCodes.Status503ServiceUnavailable,
        _ when Storage.StorageFull.Is(exception) => StatusCodes.Status503ServiceUnavailable,
        Microsoft.AspNetCore.Http.BadHttpRequestException bad => bad.StatusCode,
        InvalidDataException or Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status500InternalServerError,
    };
}
