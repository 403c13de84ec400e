using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Users;

/// <summary>
/// Ends a person's ways in: its page sessions and its tokens, marked revoked (tracked, unsaved) so that they are saved
/// with the event that records why. Both authentication handlers read these on every request, so the next request
/// with any of them is refused.
/// </summary>
public static class AccessEnding
{
    public sealed record Ended(int Sessions, int Tokens);

    /// <summary>The user's page sessions still open, except <paramref name="exceptSessionId"/> (the one asking).</summary>
    public static async Task<int> EndPageSessionsAsync(VigilDbContext db, string userId, DateTimeOffset now, string? exceptSessionId, CancellationToken cancellationToken)
    {
        var sessions = await db.WebSessions.Where(s => s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now && s.Id != exceptSessionId)
            .ToListAsync(cancellationToken);
        sessions.ForEach(s => s.RevokedAt = now);
        return sessions.Count;
    }

    /// <summary>The user's tokens still active (only those got by signing in with the password, if <paramref name="signInOnly"/>), except one.</summary>
    public static async Task<int> EndTokensAsync(
        VigilDbContext db, string userId, DateTimeOffset now, bool signInOnly, string? exceptTokenId, CancellationToken cancellationToken)
    {
        var tokens = await db.ApiTokens.ActiveAt(now).Where(t => t.UserId == userId)
            .Where(t => !signInOnly || t.FromSignIn).Where(t => t.Id != exceptTokenId)
            .ToListAsync(cancellationToken);
        tokens.ForEach(t => t.RevokedAt = now);
        return tokens.Count;
    }

    /// <summary>Every page session and every token of the user.</summary>
    public static async Task<Ended> EndAllAsync(VigilDbContext db, string userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        new(await EndPageSessionsAsync(db, userId, now, null, cancellationToken), await EndTokensAsync(db, userId, now, false, null, cancellationToken));
}
