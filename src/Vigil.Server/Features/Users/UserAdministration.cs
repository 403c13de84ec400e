using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Validation;
using Vigil.Server.Features.Events;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.Users;

/// <summary>
/// What an administrator does to users, shared by the API (<see cref="UserEndpoints"/>, <see cref="UserStateEndpoints"/>,
/// <see cref="PasswordResetEndpoints"/>, <see cref="TotpEndpoints"/>, <see cref="SessionEndpoints"/>) and the
/// administrator's pages: the same strict reading of the same bodies, the same checks, the same event on the record.
/// </summary>
public sealed class UserAdministration(
    VigilDbContext db, UserAccounts accounts, EventRecorder events, WriteTransactions writes, IOptions<AccountsOptions> options, TimeProvider clock)
{
    /// <summary>What a change came to.</summary>
    public abstract record Outcome;

    public sealed record Done(User User) : Outcome;

    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : Outcome;

    public sealed record Missing : Outcome;

    /// <summary>The change would leave Vigil without an enabled administrator (<paramref name="What"/>: "disabled", ...).</summary>
    public sealed record LastAdmin(string What) : Outcome;

    /// <summary><c>{email, role, organisation_id?, password?}</c>: a new user, on the record.</summary>
    public async Task<Outcome> CreateAsync(JsonElement body, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        var reader = new JsonFieldReader(clock.GetUtcNow());
        string? email = null, role = null, organisationId = null, password = null;
        reader.Object(body, JsonPointer.Root, new Dictionary<string, Action<JsonElement, string>>
        {
            ["email"] = (v, p) => email = reader.Email(v, p),
            ["role"] = (v, p) => role = reader.OneOf(v, p, Roles.All, "role"),
            ["organisation_id"] = (v, p) => organisationId = reader.String(v, p, 36),
            ["password"] = (v, p) => password = UserEndpoints.ReadPassword(reader, v, p),
        }, "email", "role");
        await UserEndpoints.CheckOrganisationAsync(reader, db, role, organisationId, cancellationToken);
        if (email is not null && await db.Users.AnyAsync(u => u.Email == email.ToLowerInvariant(), cancellationToken))
        {
            reader.Fail("/email", "a user with this e-mail already exists");
        }
        if (reader.Errors.Count > 0)
        {
            return new Invalid(reader.Errors);
        }
        var user = accounts.Create(email!, role!, organisationId, password);
        await events.RecordAsync(AccountEvents.About(user, AccountEvents.UserCreated,
            new() { ["email"] = user.Email, ["role"] = user.Role, ["organisation_id"] = user.OrganisationId, ["has_password"] = password is not null }),
            actor, cancellationToken);
        return new Done(user);
    }

    /// <summary><c>{reason}</c>: the user's tokens stop working and its page sessions end, at once.</summary>
    public async Task<Outcome> DisableAsync(string id, JsonElement body, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        var reader = new JsonFieldReader(clock.GetUtcNow());
        string? reason = null;
        reader.Object(body, JsonPointer.Root, new Dictionary<string, Action<JsonElement, string>>
        {
            ["reason"] = (v, p) => reason = reader.String(v, p, 1_000, multiline: true),
        }, "reason");
        if (reader.Errors.Count > 0)
        {
            return new Invalid(reader.Errors);
        }
        await using var transaction = await writes.BeginAsync(db, cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return new Missing();
        }
        if (user.DisabledAt is not null)
        {
            return new Done(user);
        }
        if (await accounts.IsLastEnabledAdminAsync(user, cancellationToken))
        {
            return new LastAdmin("disabled");
        }
        var now = clock.GetUtcNow();
        user.DisabledAt = now;
        // Tokens are refused while the user is disabled; page sessions end for good.
        var sessions = await AccessEnding.EndPageSessionsAsync(db, user.Id, now, null, cancellationToken);
        await events.RecordAsync(AccountEvents.About(user, AccountEvents.UserDisabled, new() { ["reason"] = reason, ["page_sessions_ended"] = sessions }),
            actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Done(user);
    }

    public async Task<Outcome> EnableAsync(string id, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return new Missing();
        }
        if (user.DisabledAt is null)
        {
            return new Done(user);
        }
        user.DisabledAt = null;
        await events.RecordAsync(AccountEvents.About(user, AccountEvents.UserEnabled), actor, cancellationToken);
        return new Done(user);
    }

    /// <summary><c>{role, organisation_id?}</c>: a reporter belongs to one organisation, no one else to any.</summary>
    public async Task<Outcome> ChangeRoleAsync(string id, JsonElement body, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        string? role = null, organisationId = null;
        var reader = new JsonFieldReader(clock.GetUtcNow());
        reader.Object(body, JsonPointer.Root, new Dictionary<string, Action<JsonElement, string>>
        {
            ["role"] = (v, p) => role = reader.OneOf(v, p, Roles.All, "role"),
            ["organisation_id"] = (v, p) => organisationId = v.ValueKind == JsonValueKind.Null ? null : reader.String(v, p, 36),
        }, "role");
        await UserEndpoints.CheckOrganisationAsync(reader, db, role, organisationId, cancellationToken);
        if (reader.Errors.Count > 0)
        {
            return new Invalid(reader.Errors);
        }
        await using var transaction = await writes.BeginAsync(db, cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return new Missing();
        }
        if (user.Role == role && user.OrganisationId == organisationId)
        {
            return new Done(user);
        }
        if (role != Roles.Admin && await accounts.IsLastEnabledAdminAsync(user, cancellationToken))
        {
            return new LastAdmin("given another role");
        }
        var details = new JsonObject
        {
            ["from_role"] = user.Role, ["to_role"] = role,
            ["from_organisation_id"] = user.OrganisationId, ["to_organisation_id"] = organisationId,
        };
        // The organisation the user now reads for is told; failing that, the one it left.
        var concerned = organisationId ?? user.OrganisationId;
        user.Role = role!;
        user.OrganisationId = organisationId;
        await events.RecordAsync(AccountEvents.About(user, AccountEvents.RoleChanged, details, concerned), actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Done(user);
    }

    /// <summary>A one-time code for the user to set a new password (replacing any unused one); null for no such user. The answer is the only place the code appears.</summary>
    public async Task<PasswordResetIssuedResponse?> IssuePasswordResetAsync(string id, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        db.PasswordResets.RemoveRange(await db.PasswordResets.Where(r => r.UserId == id && r.UsedAt == null).ToListAsync(cancellationToken));
        var code = Base32.Encode(RandomNumberGenerator.GetBytes(20));
        var reset = new PasswordReset
        {
            UserId = id, CodeHash = PasswordResetEndpoints.HashCode(code), RequestedBy = actor.UserId(), CreatedAt = now,
            ExpiresAt = now + options.Value.PasswordResetLifetime,
        };
        db.PasswordResets.Add(reset);
        await events.RecordAsync(AccountEvents.About(user, AccountEvents.PasswordResetIssued,
            new() { ["expires_at"] = Vigil.Domain.Record.SubmissionCommitment.FormatTime(reset.ExpiresAt) }), actor, cancellationToken);
        return new PasswordResetIssuedResponse(reset.Id, id, code, PasswordResetEndpoints.ResetPath, reset.ExpiresAt);
    }

    /// <summary>Removes the user's second factor so that it can set up a new one; false for no such user.</summary>
    public async Task<bool> ResetTotpAsync(string id, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return false;
        }
        var wasOn = user.TotpEnabledAt is not null;
        TotpFactor.Remove(user);
        await events.RecordAsync(AccountEvents.About(user, AccountEvents.TotpReset, new() { ["was_enabled"] = wasOn }), actor, cancellationToken);
        return true;
    }

    /// <summary>Ends every page session and token of the user; null for no such user.</summary>
    public async Task<SessionsEndedResponse?> EndSessionsAsync(string id, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return null;
        }
        var ended = await AccessEnding.EndAllAsync(db, id, clock.GetUtcNow(), cancellationToken);
        await events.RecordAsync(AccountEvents.About(user, AccountEvents.SessionsEnded,
            new() { ["page_sessions_ended"] = ended.Sessions, ["tokens_ended"] = ended.Tokens }), actor, cancellationToken);
        return new SessionsEndedResponse(id, ended.Sessions, ended.Tokens);
    }
}
