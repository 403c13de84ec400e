namespace Vigil.Server.Features.ReporterPages;

/// <summary>
/// Reads a page's form post. A body the form reader cannot take (a multipart body without a boundary or cut short,
/// more fields than the reader allows, more bytes than the server takes) is the sender's mistake: a 400 or 413 page,
/// never a 500.
/// </summary>
public static class PageForm
{
    public sealed record Read(IFormCollection? Form, int Status = StatusCodes.Status200OK, string? Problem = null);

    /// <summary>The form, or the status and sentence to answer with; a body that is not a form at all is an empty form.</summary>
    public static async Task<Read> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return new Read(null);
        }
        try
        {
            return new Read(await request.ReadFormAsync(cancellationToken));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new Read(null, StatusCodes.Status413PayloadTooLarge, "The form is larger than the server accepts.");
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return new Read(null, StatusCodes.Status400BadRequest, "The form could not be read; reload the page and try again.");
        }
    }
}
