using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Vigil.Data;
using Vigil.Data.Entities;

namespace Vigil.Server.Infrastructure.Security;

/// <summary>Makes API tokens: 256 random bits, shown once, kept only as a SHA-256 digest.</summary>
public static class ApiTokens
{
    /// <summary>Marks Vigil tokens so that secret scanners and people can recognise one.</summary>
    public const string Marker = "vgl_";

    /// <summary>The scope of a token that may only enrol a second factor (<see cref="Policies.TotpEnrolment"/>).</summary>
    public const string TotpEnrolmentScope = "totp-enrolment";

    public sealed record Issued(ApiToken Entity, string Secret);

    /// <summary>What a token is besides its owner and name: how it was obtained, and what it may do.</summary>
    public sealed record Kind(bool FromSignIn = false, bool IsBootstrap = false, string? Scope = null)
    {
        public static readonly Kind Full = new();
    }

    public static Issued Issue(string userId, string name, DateTimeOffset now, DateTimeOffset? expiresAt = null, Kind? kind = null)
    {
        var secret = Marker + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        kind ??= Kind.Full;
        var entity = new ApiToken
        {
            Id = Guid.CreateVersion7(now).ToString(),
            UserId = userId,
            Name = name,
            TokenHash = Hash(secret),
            Prefix = secret[..12],
            CreatedAt = now,
            ExpiresAt = expiresAt,
            FromSignIn = kind.FromSignIn,
            IsBootstrap = kind.IsBootstrap,
            Scope = kind.Scope,
        };
        return new Issued(entity, secret);
    }

    /// <summary>The tokens that are neither revoked nor expired at <paramref name="now"/>.</summary>
    public static IQueryable<ApiToken> ActiveAt(this IQueryable<ApiToken> tokens, DateTimeOffset now) =>
        tokens.Where(t => t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now));

    /// <summary>
    /// The tokens that authenticate at <paramref name="now"/>: active, of a user who is not disabled, and, for the
    /// bootstrap token, only while no other enabled administrator can sign in (with a password or a full token of
    /// its own). Read per request, so that any of these changing takes effect on the next one.
    /// </summary>
    public static IQueryable<ApiToken> Authenticating(this VigilDbContext db, DateTimeOffset now) =>
        db.ApiTokens.ActiveAt(now)
            .Where(t => db.Users.Any(u => u.Id == t.UserId && u.DisabledAt == null))
            .Where(t => !t.IsBootstrap || !db.Users.Any(a => a.Id != t.UserId && a.Role == Roles.Admin && a.DisabledAt == null
                && (a.PasswordHash != null || db.ApiTokens.Any(o => o.UserId == a.Id && !o.IsBootstrap && o.Scope == null
                    && o.RevokedAt == null && (o.ExpiresAt == null || o.ExpiresAt > now)))));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
