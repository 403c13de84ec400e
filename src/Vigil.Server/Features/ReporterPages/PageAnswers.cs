namespace Vigil.Server.Features.ReporterPages;

/// <summary>How a page answers other than with 200: a redirect after a post, and "not found" with the page's own message.</summary>
public static class PageAnswers
{
    /// <summary>
    /// 303 See Other: after a form post the browser fetches the next page with GET, so a reload never posts again.
    /// (The framework's own redirect while rendering is a 302.) The page renders nothing of its own then.
    /// </summary>
    public static void SeeOther(HttpContext context, string location)
    {
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = location;
        context.Response.Headers.CacheControl = "no-store";
    }

    /// <summary>
    /// 404 with the page's own short message in the layout. The framework drops the body of a component that sets 404
    /// while rendering (it expects a separate not-found page), so the status is set as the response starts instead.
    /// </summary>
    public static void NotFound(HttpContext context) => context.Response.OnStarting(static state =>
    {
        ((HttpContext)state).Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }, context);

    public static string InventoryOf(string organisationId) => $"/organisations/{Uri.EscapeDataString(organisationId)}/inventory";
}
