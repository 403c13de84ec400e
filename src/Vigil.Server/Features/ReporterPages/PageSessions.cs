using Vigil.Data;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.ReporterPages;

/// <summary>
/// Opens a page session, whichever way the user signed in (password, API token, or an OpenID Connect provider): the
/// stored digest, and the one cookie, HttpOnly and SameSite=Strict, that carries its secret.
/// </summary>
public static class PageSessions
{
    public static async Task OpenAsync(
        HttpContext context, VigilDbContext db, ReporterPagesOptions options, string userId, string? apiTokenId, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var issued = WebSessions.Issue(userId, apiTokenId, clock.GetUtcNow(), TimeSpan.FromHours(options.SessionHours));
        db.WebSessions.Add(issued.Entity);
        await db.SaveChangesAsync(cancellationToken);
        context.Response.Cookies.Append(WebSessions.CookieNameFor(context.Request, options.SecureCookie), issued.Secret, new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps || options.SecureCookie,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            Expires = issued.Entity.ExpiresAt,
            IsEssential = true,
        });
    }
}
