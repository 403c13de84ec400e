using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Vigil.Server.Infrastructure.Http;

namespace Vigil.Server.Features.ApiReference;

/// <summary>
/// The Content-Security-Policy of the /docs page. Scalar runs from its own script files plus one inline module whose
/// text names the request's path, so that module is allowed by its hash, computed from the page as answered. Styles
/// are Scalar's (inline, by design); everything it fetches (the OpenAPI document, "try it" requests) goes to this
/// server, and nothing may go anywhere else: no fonts from a CDN, no telemetry, no proxy.
/// </summary>
public static partial class ApiReferencePolicy
{
    public static string For(string html)
    {
        var scripts = string.Join(' ', InlineScript().Matches(html).Select(m => SecurityHeaders.HashSource(m.Groups[1].Value)));
        return $"default-src 'none'; script-src 'self' {scripts}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    }

    /// <summary>Sets the policy for the page Scalar answered; its script files and redirects get the default one.</summary>
    public static async ValueTask<object?> ApplyAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        if (result is ContentHttpResult { ResponseContent: { } html })
        {
            context.HttpContext.Response.Headers.ContentSecurityPolicy = For(html);
        }
        return result;
    }

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>(.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
