using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Vigil.Data;
using Vigil.Domain.Incidents;
using Vigil.Domain.Regimes;
using Vigil.Server.Features.Attachments;
using Vigil.Server.Features.Compliance;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Infrastructure.Web;

namespace Vigil.Server.Features.Incidents.Pages;

/// <summary>
/// What the new report page posts besides itself, for its session only (the cookie and the framework's antiforgery
/// token, never a bearer token): the preview its script asks for as the form is filled in, and the upload of a file.
/// Both answer with HTML: a fragment of the page, or a page.
/// </summary>
public static class NewReportEndpoints
{
    public const string PreviewPath = "/incidents/new/preview";
    public const string UploadPath = "/incidents/new/attachments";
    public const string UploadMissing = "missing", UploadBadName = "bad-name", UploadTooLarge = "too-large";

    /// <summary>Room for the form around an uploaded file: its boundary, headers and the antiforgery token.</summary>
    private const int FormOverhead = 64 * 1024;

    public static IEndpointRouteBuilder MapIncidentPages(this IEndpointRouteBuilder app)
    {
        var reporters = new AuthorizeAttribute { Policy = Policies.SignedInPages, Roles = Roles.Reporter };
        app.MapPost(PreviewPath, PreviewAsync).RequireAuthorization(reporters).ExcludeFromDescription();
        app.MapPost(UploadPath, UploadAsync).RequireAuthorization(reporters).ExcludeFromDescription();
        app.MapGet(ReceiptPage.DownloadPattern, ReceiptDownload.HandleAsync).RequireAuthorization(Policies.SignedInPages).ExcludeFromDescription();
        return app;
    }

    /// <summary>The preview section of the form as posted: the same evaluation the page shows after "Check deadlines".</summary>
    private static async Task<IResult> PreviewAsync(HttpContext http, IAntiforgery antiforgery, RegimeCatalog regimes, TimeProvider clock, IOptions<WebOptions> web)
    {
        if (!http.Request.HasFormContentType)
        {
            return Refused(StatusCodes.Status415UnsupportedMediaType);
        }
        if (await CheckedFormAsync(http, antiforgery) is not { } posted)
        {
            return Refused(StatusCodes.Status400BadRequest);
        }
        var form = new ReportForm(posted, posted: true);
        var body = ReportBody.Build(form, ReportZones.Chosen(form, http.User, web.Value, regimes));
        var (preview, errors) = IncidentCompliance.PreviewOf(JsonSerializer.SerializeToElement(body.Json), regimes, clock);
        http.Response.Headers.CacheControl = "no-store";
        return new RazorComponentResult<ReportPreview>(new Dictionary<string, object?>
        {
            [nameof(ReportPreview.Preview)] = preview,
            [nameof(ReportPreview.Errors)] = ReportErrors.From(errors, body),
        });
    }

    /// <summary>Keeps the file as the reporter's upload, as POST /api/v1/attachments does, and goes back to the form.</summary>
    private static async Task<IResult> UploadAsync(
        HttpContext http, IAntiforgery antiforgery, VigilDbContext db, AttachmentBlobs blobs, IOptions<AttachmentsOptions> options, TimeProvider clock)
    {
        var limit = options.Value.MaxBytes;
        // Kestrel holds every other body to the JSON limit; this one may carry a file as large as the API takes.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit + (long)FormOverhead;
        }
        if (!http.Request.HasFormContentType)
        {
            return Refused(StatusCodes.Status415UnsupportedMediaType);
        }
        if (http.Request.ContentLength > limit + (long)FormOverhead)
        {
            return Refused(StatusCodes.Status413PayloadTooLarge);
        }
        if (await CheckedFormAsync(http, antiforgery) is not { } form)
        {
            return Refused(StatusCodes.Status400BadRequest);
        }
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            return Back(UploadMissing);
        }
        if (file.Length > limit)
        {
            return Back(UploadTooLarge);
        }
        var name = Path.GetFileName(file.FileName);
        if (AttachmentReference.NameProblem(name) is not null)
        {
            return Back(UploadBadName);
        }
        using var bytes = new MemoryStream((int)file.Length);
        await file.CopyToAsync(bytes, http.RequestAborted);
        var uploaded = await UploadAttachment.StoreAsync(
            bytes.ToArray(), name, UploadAttachment.MediaTypeOf(file.ContentType), http.User, db, blobs, clock, http.RequestAborted);
        return PageStatus.SeeOther("/incidents/new?uploaded=" + uploaded.Sha256);
    }

    /// <summary>The posted form, if it is one and carries this session's antiforgery token (in the form or the header).</summary>
    private static async Task<IFormCollection?> CheckedFormAsync(HttpContext http, IAntiforgery antiforgery)
    {
        try
        {
            return http.Request.HasFormContentType && await antiforgery.IsRequestValidAsync(http)
                ? await http.Request.ReadFormAsync(http.RequestAborted)
                : null;
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            // A form cut short, malformed or too large is the sender's mistake, answered as such.
            return null;
        }
    }

    // Back to the form with GET (303), so that a reload never uploads again.
    private static IResult Back(string problem) => PageStatus.SeeOther("/incidents/new?upload=" + problem);

    /// <summary>A bare status: the server's error pages answer it (a page, as for any form a page posts).</summary>
    private static IResult Refused(int status) => TypedResults.StatusCode(status);
}
