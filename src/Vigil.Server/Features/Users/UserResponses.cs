using Vigil.Data.Entities;

namespace Vigil.Server.Features.Users;

public sealed record UserResponse(
    string Id, string Email, string Role, string? OrganisationId, bool HasPassword, DateTimeOffset CreatedAt,
    bool Disabled, DateTimeOffset? DisabledAt, DateTimeOffset? PasswordChangedAt, bool TotpEnabled)
{
    public static UserResponse From(User u) => new(
        u.Id, u.Email, u.Role, u.OrganisationId, u.PasswordHash is not null, u.CreatedAt,
        u.DisabledAt is not null, u.DisabledAt, u.PasswordChangedAt, u.TotpEnabledAt is not null);
}

/// <summary>A token as listed: never the secret, only the prefix that identifies it.</summary>
public sealed record TokenResponse(
    string Id, string UserId, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt,
    bool Bootstrap, bool FromSignIn, string? Scope)
{
    public static TokenResponse From(ApiToken t) =>
        new(t.Id, t.UserId, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.IsBootstrap, t.FromSignIn, t.Scope);
}

/// <summary>
/// A token just issued: the only time its secret is shown. A token with a <c>scope</c> may do only that one thing;
/// <c>next</c> then says what to do with it.
/// </summary>
public sealed record IssuedTokenResponse(
    string Id, string UserId, string Name, string Token, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, string? Scope, string? Next)
{
    /// <summary>Where the token can be revoked: what a retry of the request that issued it is told (never the token again).</summary>
    public string Resource => "/api/v1/tokens/" + Id;
}

/// <summary>A password-reset code just issued: shown once, to pass on to the user, who sends it with a new password to <c>reset_path</c>.</summary>
public sealed record PasswordResetIssuedResponse(long Id, string UserId, string Code, string ResetPath, DateTimeOffset ExpiresAt);

/// <summary>A second factor's shared secret, shown once: base32 for typing, and the otpauth:// URI for a QR code.</summary>
public sealed record TotpEnrolmentResponse(string Secret, string OtpauthUri, int Digits, int Period);

public sealed record SessionsEndedResponse(string UserId, int SessionsEnded, int TokensEnded);

/// <summary>Bodies, for the API description; the server reads each strictly itself.</summary>
public sealed record CreateUserRequest(string Email, string Role, string? OrganisationId, string? Password);

public sealed record IssueTokenRequest(string Name, DateTimeOffset? ExpiresAt);

public sealed record SignInRequest(string Email, string Password, string? TokenName, string? Totp);

public sealed record DisableUserRequest(string Reason);

public sealed record ChangeRoleRequest(string Role, string? OrganisationId);

public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);

public sealed record ResetPasswordRequest(string Code, string NewPassword);

public sealed record ConfirmTotpRequest(string Code);
