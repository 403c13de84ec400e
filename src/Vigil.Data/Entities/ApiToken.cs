
namespace Vigil.Data.Entities;

/// <summary>
/// An API token: 256 random bits shown once at creation. Only its SHA-256 digest is stored (a token has full
/// entropy, so a slow hash adds nothing); the prefix lets people recognise a token without revealing it.
/// </summary>
public sealed class ApiToken
{
    public required string Id { get; init; }
    public required string UserId { get; init; }
    public required string Name { get; init; }
    /// <summary>Lower-case hex SHA-256 of the whole token string.</summary>
    public required string TokenHash { get; init; }
    public required string Prefix { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public DateTimeOffset? RevokedAt { get; set; }
    /// <summary>The token printed at first start: it ends once another administrator has a token, or when it expires.</summary>
    public bool IsBootstrap { get; init; }
    /// <summary>Null for a full token; <c>totp-enrolment</c> for one that may only enrol a second factor.</summary>
    public string? Scope { get; init; }
    /// <summary>
    /// Obtained by signing in with the password rather than issued by an administrator: it ends when the password is
    /// changed or reset, since whoever knew the old password may have taken it.
    /// </summary>
    public bool FromSignIn { get; init; }
}
