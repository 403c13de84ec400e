using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using Vigil.Data.Entities;

namespace Vigil.Server.Infrastructure.Security;

/// <summary>
/// Browser sessions for the pages: the cookie carries 256 random bits, the database only their SHA-256 digest. Forms
/// are protected by the framework's antiforgery token and the cookie's SameSite=Strict.
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
}
