using Microsoft.AspNetCore.Diagnostics;

namespace Vigil.Server.Infrastructure.Web;

/// <summary>
/// Answering a page with a status other than 200 while still showing the page. The components' renderer writes no
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
}
