namespace Vigil.Data.Entities;

/// <summary>
/// A browser's signed-in session for the pages. The cookie holds 256 random bits; only their SHA-256 digest is stored,
/// so the table cannot be replayed into a browser. Signing out revokes it; it ends on its own at <see cref="ExpiresAt"/>.
/// </summary>
public sealed class WebSession
{
    public required string Id { get; init; }
    public required string UserId { get; init; }
    /// <summary>Lower-case hex SHA-256 of the cookie's secret.</summary>
    public required string SecretHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? RevokedAt { get; set; }
    /// <summary>The API token the session was signed in with, if it was: the session lasts no longer than the token.</summary>
    public string? ApiTokenId { get; init; }
}
