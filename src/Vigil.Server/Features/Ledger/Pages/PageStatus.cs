namespace Vigil.Server.Features.Ledger.Pages;

/// <summary>
/// Answers a page with an error status and still with the page itself. The framework writes no body for a page whose
/// status changes while it renders a GET when status-code pages are in use (it leaves the answer to them, and they
/// answer with problem+json), so the status is set as the headers are sent, after the page has been rendered.
/// </summary>
public static class PageStatus
{
    public static void Answer(HttpContext http, int status) => http.Response.OnStarting(() =>
    {
        http.Response.StatusCode = status;
        return Task.CompletedTask;
    });
}
