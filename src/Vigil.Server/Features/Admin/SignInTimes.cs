using Microsoft.EntityFrameworkCore;
using Vigil.Data;

namespace Vigil.Server.Features.Admin;

/// <summary>
/// When each user last signed in, as far as Vigil knows: its newest page session, or its newest token got by signing
/// in with its password. A user who only ever used tokens an administrator issued has no known sign-in.
/// </summary>
public static class SignInTimes
{
    public static async Task<Dictionary<string, DateTimeOffset>> LatestAsync(VigilDbContext db, string? userId, CancellationToken cancellationToken)
    {
        var sessions = await db.WebSessions.AsNoTracking().Where(s => userId == null || s.UserId == userId)
            .Select(s => new { s.UserId, s.CreatedAt }).ToListAsync(cancellationToken);
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.FromSignIn && (userId == null || t.UserId == userId))
            .Select(t => new { t.UserId, t.CreatedAt }).ToListAsync(cancellationToken);
        // Compared here rather than in SQL: SQLite stores the times as text that does not order across offsets.
        return sessions.Concat(tokens).GroupBy(s => s.UserId).ToDictionary(g => g.Key, g => g.Max(s => s.CreatedAt));
    }
}
