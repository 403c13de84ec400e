namespace Vigil.Data.Entities;

/// <summary>
/// A one-time code an administrator asked for so that a user can set a new password: the administrator passes the
/// code on and never learns the password. Only the code's SHA-256 is stored; it works once, until it expires.
/// </summary>
public sealed class PasswordReset
{
    public long Id { get; init; }
    public required string UserId { get; init; }
    public required string CodeHash { get; init; }
    public required string RequestedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? UsedAt { get; set; }
}
