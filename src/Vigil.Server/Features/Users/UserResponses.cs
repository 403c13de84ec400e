using Vigil.Data.Entities;

namespace Vigil.Server.Features.Users;

public sealed record UserResponse(string Id, string Email, string Role, string? OrganisationId, bool HasPassword, DateTimeOffset CreatedAt)
{
    public static UserResponse From(User u) => new(u.Id, u.Email, u.Role, u.OrganisationId, u.PasswordHash is not null, u.CreatedAt);
}

/// <summary>A token as listed: never the secret, only the prefix that identifies it.</summary>
public sealed record TokenResponse(string Id, string UserId, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt)
{
    public static TokenResponse From(ApiToken t) => new(t.Id, t.UserId, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt);
}

/// <summary>A token just issued: the only time its secret is shown.</summary>
public sealed record IssuedTokenResponse(string Id, string UserId, string Name, string Token, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt);

/// <summary>Bodies, for the API description; the server reads each strictly itself.</summary>
public sealed record CreateUserRequest(string Email, string Role, string? OrganisationId, string? Password);

public sealed record IssueTokenRequest(string Name, DateTimeOffset? ExpiresAt);

public sealed record SignInRequest(string Email, string Password, string? TokenName);
