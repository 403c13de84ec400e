using System.Text;

namespace Vigil.Server.Features.Attachments;

/// <summary>
/// What makes an attachment a download and nothing else: a browser saves it (Content-Disposition: attachment), never
/// guesses a type to render it as (octet-stream, nosniff), and would run nothing in it if it did (a sandbox CSP
/// allowing nothing); nothing on the way keeps a copy (no-store).
/// </summary>
public static class DownloadHeaders
{
    public const string ContentSecurityPolicy = "sandbox; default-src 'none'";

    public static void Apply(HttpResponse response, string fileName)
    {
        response.Headers.ContentDisposition = ContentDisposition(fileName);
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.CacheControl = "no-store";
    }

    /// <summary>
    /// <c>attachment; filename="..."; filename*=UTF-8''...</c> (RFC 6266): the exact name percent-encoded as RFC 5987
    /// says, and for clients that know only <c>filename</c> a plain-ASCII stand-in in which anything else is '_'.
    /// </summary>
    public static string ContentDisposition(string fileName)
    {
        var fallback = new StringBuilder(fileName.Length);
        foreach (var c in fileName)
        {
            fallback.Append(char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '.' or '_' or '(' or ')' ? c : '_');
        }
        var encoded = new StringBuilder(fileName.Length * 3);
        foreach (var b in Encoding.UTF8.GetBytes(fileName))
        {
            if (IsAttrChar(b))
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return $"attachment; filename=\"{fallback}\"; filename*=UTF-8''{encoded}";
    }

    // RFC 5987 attr-char: ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~".
    private static bool IsAttrChar(byte b) =>
        b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9')
            or (byte)'!' or (byte)'#' or (byte)'$' or (byte)'&' or (byte)'+' or (byte)'-' or (byte)'.' or (byte)'^' or (byte)'_'
            or (byte)'`' or (byte)'|' or (byte)'~';
}
