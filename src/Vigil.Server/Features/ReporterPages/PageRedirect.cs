namespace Vigil.Server.Features.ReporterPages;

/// <summary>
/// A page that answers with another page: 303 See Other, so that after a form post the browser fetches the next page
/// with GET and a reload never posts again. (The framework's own redirect while rendering is a 302.) The page renders
/// nothing of its own then; the browser does not show the body of a redirect.
/// </summary>
public static class PageRedirect
{
    public static void SeeOther(HttpContext context, string location)
    {
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = location;
        context.Response.Headers.CacheControl = "no-store";
    }

    public static string InventoryOf(string organisationId) => $"/organisations/{Uri.EscapeDataString(organisationId)}/inventory";
}
