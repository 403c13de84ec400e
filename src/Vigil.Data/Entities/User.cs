namespace Vigil.Data.Entities;

/// <summary>A person who signs in: an admin, an analyst, a reporter (of exactly one organisation) or oversight.</summary>
public sealed class User
{
    public required string Id { get; init; }
    /// <summary>Stored in lower case; unique.</summary>
    public required string Email { get; init; }
    public required string Role { get; init; }
    /// <summary>Set for reporters only.</summary>
    public string? OrganisationId { get; init; }
    /// <summary>The framework's PBKDF2 password hash; null until a password is set.</summary>
    public string? PasswordHash { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}
