using Microsoft.AspNetCore.Diagnostics;

namespace Vigil.Server.Infrastructure.Web;

/// <summary>
/// Answering a page other than with 200: "not found" while still showing the page, and 303 after a form post.
/// For "not found": The components' renderer writes no
/// body for a 404 it is told of while rendering (it leaves the answer to the status-code pages, which would send the
/// API's problem document); a page that says itself, in the reader's language, what is not there sets the status
/// as the answer starts instead, after its body is rendered.
/// </summary>
public static class PageStatus
{
    public static void NotFound(HttpContext http)
    {
        if (http.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }
        http.Response.OnStarting(() =>
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// 303 See Other from a page: after a form post the browser fetches the next page with GET, so a reload never posts
    /// again (the framework's own redirect while rendering is a 302). The page renders nothing of its own then.
    /// </summary>
    public static void SeeOther(HttpContext http, string location)
    {
        http.Response.StatusCode = StatusCodes.Status303SeeOther;
        http.Response.Headers.Location = location;
        http.Response.Headers.CacheControl = "no-store";
    }

    /// <summary>The same from an endpoint.</summary>
    public static IResult SeeOther(string location) => new SeeOtherResult(location);

    private sealed class SeeOtherResult(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            SeeOther(context, location);
            return Task.CompletedTask;
        }
    }
}
