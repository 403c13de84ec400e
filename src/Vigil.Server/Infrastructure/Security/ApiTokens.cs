using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Vigil.Data.Entities;

namespace Vigil.Server.Infrastructure.Security;

/// <summary>Makes API tokens: 256 random bits, shown once, kept only as a SHA-256 digest.</summary>
public static class ApiTokens
{
    /// <summary>Marks Vigil tokens so that secret scanners and people can recognise one.</summary>
    public const string Marker = "vgl_";

    public sealed record Issued(ApiToken Entity, string Secret);

    public static Issued Issue(string userId, string name, DateTimeOffset now, DateTimeOffset? expiresAt = null)
    {
        var secret = Marker + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var entity = new ApiToken
        {
            Id = Guid.CreateVersion7(now).ToString(),
            UserId = userId,
            Name = name,
            TokenHash = Hash(secret),
            Prefix = secret[..12],
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
        return new Issued(entity, secret);
    }

    /// <summary>The tokens that still authenticate at <paramref name="now"/>: neither revoked nor expired.</summary>
    public static IQueryable<ApiToken> ActiveAt(this IQueryable<ApiToken> tokens, DateTimeOffset now) =>
        tokens.Where(t => t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
