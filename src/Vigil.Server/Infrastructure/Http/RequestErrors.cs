using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Vigil.Server.Infrastructure.Web;

namespace Vigil.Server.Infrastructure.Http;

/// <summary>Answers a request that failed: problem+json for the API, a page for a page, with the status already chosen.</summary>
public static class RequestErrors
{
    public static async Task WriteAsync(HttpContext context)
    {
        var status = context.Response.StatusCode;
        // A page, a form a page posted, or a browser asking for a page at an address that has none (never anything
        // under /api/): a person reads the answer, so it is a page too.
        var endpoint = context.GetEndpoint();
        var outsideApi = !context.Request.Path.StartsWithSegments("/api");
        var page = endpoint?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null
            || (outsideApi && IsForm(context.Request.ContentType))
            || (outsideApi && endpoint is null && WantsPage(context.Request));
        if (page)
        {
            await WritePageAsync(context, status);
            return;
        }
        var problem = new ProblemDetails { Status = status };
        if (!await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = problem,
            }))
        {
            // The client's Accept names no JSON (a browser under /api/): the API answers problem+json all the same.
            await TypedResults.Problem(problem).ExecuteAsync(context);
        }
    }

    // By the header alone: asking the request whether it has a form throws once its antiforgery check has failed.
    private static bool IsForm(string? contentType) =>
        contentType is not null && (contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase));

    // The raw header: a malformed Accept is the sender's, and must not turn an error answer into another error.
    private static bool WantsPage(HttpRequest request) =>
        request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>Rendered apart from the request (whose form may be unreadable), in the reader's language.</summary>
    private static async Task WritePageAsync(HttpContext context, int status)
    {
        // The localisation middleware chose the reader's language further in; its choice does not flow back out here.
        if (context.Features.Get<IRequestCultureFeature>()?.RequestCulture is { } language)
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (language.Culture, language.UICulture);
        }
        else if (await ReaderCultureAsync(context) is { } chosen)
        {
            // Refused before it got there (a page the reader's role may not see): choose as it would have.
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (chosen, chosen);
        }
        await using var renderer = new HtmlRenderer(context.RequestServices, context.RequestServices.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<ErrorDocument>(ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(ErrorDocument.Status)] = status })))
                .ToHtmlString());
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.ContentSecurityPolicy = WebFeature.PagePolicy;
        await context.Response.WriteAsync(html, context.RequestAborted);
    }

    /// <summary>The reader's language as the localisation middleware would choose it: the first provider's supported answer.</summary>
    private static async Task<CultureInfo?> ReaderCultureAsync(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value;
        foreach (var provider in options.RequestCultureProviders)
        {
            var asked = await provider.DetermineProviderCultureResult(context);
            var supported = asked?.UICultures.Select(c => options.SupportedUICultures?.FirstOrDefault(s => s.Name.Equals(c.Value, StringComparison.OrdinalIgnoreCase)))
                .FirstOrDefault(c => c is not null);
            if (supported is not null)
            {
                return supported;
            }
        }
        return options.DefaultRequestCulture.UICulture;
    }
}
