using System.Text.Json.Nodes;
using Vigil.Data.Entities;
using Vigil.Domain.Record;
using Vigil.Server.Features.Events;

namespace Vigil.Server.Features.Users;

/// <summary>
/// The events that put changes to accounts on the record. An event about a reporter concerns its organisation and
/// the organisation may read it, so that it sees what the CERT's administrators did to its people ("an administrator
/// issued a token for your user"). Details never hold a secret: no password, token, code or second-factor secret.
/// </summary>
public static class AccountEvents
{
    public const string UserCreated = "user-created";
    public const string UserDisabled = "user-disabled";
    public const string UserEnabled = "user-enabled";
    public const string RoleChanged = "role-changed";
    public const string PasswordChanged = "password-changed";
    public const string PasswordResetIssued = "password-reset-issued";
    public const string PasswordResetUsed = "password-reset-used";
    public const string SessionsEnded = "sessions-ended";
    public const string TokenIssued = "token-issued";
    public const string TokenRevoked = "token-revoked";
    public const string TotpEnabled = "totp-enabled";
    public const string TotpReset = "totp-reset";

    /// <summary>An event about a user (the object), visible to the user's organisation if it has one.</summary>
    public static EventRecorder.Event About(User user, string kind, JsonObject? details = null, string? organisationId = null)
    {
        var organisation = organisationId ?? user.OrganisationId;
        return new EventRecorder.Event(kind, "user", user.Id, details ?? [], organisation, organisation is not null);
    }

    /// <summary>An event about a token (the object), visible to its owner's organisation if it has one.</summary>
    public static EventRecorder.Event AboutToken(ApiToken token, User owner, string kind, JsonObject details) =>
        new(kind, "token", token.Id, details, owner.OrganisationId, owner.OrganisationId is not null);

    /// <summary>What identifies a token on the record: never its secret, only its name, prefix and lifetime.</summary>
    public static JsonObject TokenDetails(ApiToken token) => new()
    {
        ["user_id"] = token.UserId,
        ["name"] = token.Name,
        ["prefix"] = token.Prefix,
        ["expires_at"] = token.ExpiresAt is { } at ? SubmissionCommitment.FormatTime(at) : null,
        ["bootstrap"] = token.IsBootstrap,
    };
}
