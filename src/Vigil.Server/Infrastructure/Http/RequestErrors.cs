using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Mvc;
using Vigil.Server.Infrastructure.Web;

namespace Vigil.Server.Infrastructure.Http;

/// <summary>Answers a request that failed: problem+json for the API, a page for a page, with the status already chosen.</summary>
public static class RequestErrors
{
    public static async Task WriteAsync(HttpContext context)
    {
        var status = context.Response.StatusCode;
        // A page, or a form a page posted (never anything under /api/): a browser reads the answer, so it is a page too.
        var page = context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null
            || (IsForm(context.Request.ContentType) && !context.Request.Path.StartsWithSegments("/api"));
        if (page)
        {
            await WritePageAsync(context, status);
            return;
        }
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status },
        });
    }

    // By the header alone: asking the request whether it has a form throws once its antiforgery check has failed.
    private static bool IsForm(string? contentType) =>
        contentType is not null && (contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase));

    /// <summary>Rendered apart from the request (whose form may be unreadable), in the reader's language.</summary>
    private static async Task WritePageAsync(HttpContext context, int status)
    {
        await using var renderer = new HtmlRenderer(context.RequestServices, context.RequestServices.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<ErrorDocument>(ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(ErrorDocument.Status)] = status })))
                .ToHtmlString());
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.ContentSecurityPolicy = WebFeature.PagePolicy;
        await context.Response.WriteAsync(html, context.RequestAborted);
    }
}
