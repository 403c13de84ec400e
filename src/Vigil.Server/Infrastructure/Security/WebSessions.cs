using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Vigil.Data.Entities;

namespace Vigil.Server.Infrastructure.Security;

/// <summary>
/// Browser sessions for the pages: the cookie carries 256 random bits, the database only their SHA-256 digest. The
/// CSRF token of a session is derived from the cookie's secret, so a page that could not read the cookie (another
/// site) cannot forge it, and nothing more has to be stored.
/// </summary>
public static class WebSessions
{
    public const string CookieName = "vigil_session";

    /// <summary>Over HTTPS the cookie takes the <c>__Host-</c> prefix: the browser then keeps it to this host, Secure, on path /.</summary>
    public const string SecureCookieName = "__Host-" + CookieName;

    /// <summary>The name a session cookie is set under for this request.</summary>
    public static string CookieNameFor(HttpRequest request, bool alwaysSecure) => request.IsHttps || alwaysSecure ? SecureCookieName : CookieName;

    /// <summary>The session secret the request carries, under either name.</summary>
    public static string? SecretOf(HttpRequest request) =>
        request.Cookies[SecureCookieName] is { Length: > 0 } secure ? secure : request.Cookies[CookieName] is { Length: > 0 } plain ? plain : null;

    public const string SessionClaim = "vigil:session";

    public sealed record Issued(WebSession Entity, string Secret);

    public static Issued Issue(string userId, string? apiTokenId, DateTimeOffset now, TimeSpan lifetime)
    {
        var secret = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var entity = new WebSession
        {
            Id = Guid.CreateVersion7(now).ToString(),
            UserId = userId,
            ApiTokenId = apiTokenId,
            SecretHash = ApiTokens.Hash(secret),
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        return new Issued(entity, secret);
    }

    /// <summary>The CSRF token forms of this session carry: a domain-separated digest of the cookie's secret.</summary>
    public static string CsrfToken(string secret) =>
        WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.UTF8.GetBytes("vigil/csrf/v1\0" + secret)));

    /// <summary>Whether a form's token is this request's session's, compared in constant time.</summary>
    public static bool CsrfTokenMatches(HttpRequest request, string? token)
    {
        if (SecretOf(request) is not { } secret || string.IsNullOrEmpty(token))
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(CsrfToken(secret)), Encoding.ASCII.GetBytes(token));
    }

    /// <summary>
    /// Whether a form post comes from Vigil's own pages: its Origin (or, failing that, Referer) names this host.
    /// Browsers send Origin with every form post; a post with neither is refused.
    /// </summary>
    public static bool IsSameOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        var source = origin.Length > 0 && origin != "null" ? origin : request.Headers.Referer.ToString();
        return Uri.TryCreate(source, UriKind.Absolute, out var uri)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
