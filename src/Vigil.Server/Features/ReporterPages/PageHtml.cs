using System.Security.Cryptography;
using System.Text;
using static System.Net.WebUtility;

namespace Vigil.Server.Features.ReporterPages;

/// <summary>
/// The frame of the signed-in pages: plain HTML, one stylesheet allowed by its hash, no script at all, and headers
/// that keep the pages out of frames, caches and other sites' referrers.
/// </summary>
public static class PageHtml
{
    private const string Style = "body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
        + "table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}"
        + ".meta{color:#555}.errors{border-left:.4rem solid #b42318;padding-left:1rem}.exposed{border-left:.4rem solid #b54708;padding-left:1rem}"
        + "nav form{display:inline}code{word-break:break-all}";

    /// <summary>No script, no plugins, no framing; the one stylesheet by hash; forms post only here.</summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)))}'; "
        + "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <param name="refreshTo">A path of this site the browser goes on to by itself (a meta refresh: the pages have no script).</param>
    public static StringBuilder Start(string title, string? refreshTo = null)
    {
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        if (refreshTo is not null)
        {
            html.Append("<meta http-equiv=\"refresh\" content=\"0; url=").Append(HtmlEncode(refreshTo)).Append("\">\n");
        }
        return html.Append("<title>").Append(HtmlEncode(title)).Append(" · Vigil</title>\n<style>").Append(Style).Append("</style></head><body>\n");
    }

    public static IResult Page(StringBuilder html, int status = StatusCodes.Status200OK) => new HtmlResult(html.Append("</body></html>\n").ToString(), status);

    public static string E(string? text) => HtmlEncode(text ?? "");

    private sealed class HtmlResult(string html, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            // The pages show an organisation's inventory and exposure: never kept by a shared cache or the back button.
            headers.CacheControl = "no-store";
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/html; charset=utf-8";
            return context.Response.WriteAsync(html, context.RequestAborted);
        }
    }
}
