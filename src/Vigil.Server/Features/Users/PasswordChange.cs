using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Domain.Validation;
using Vigil.Server.Features.Events;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Users;

/// <summary>
/// A user changes its own password, knowing the current one (the API and the account page alike). Changing it ends
/// the user's other page sessions and the other tokens it got by signing in with the old one; a wrong current password
/// counts towards the sign-in lock, so that a stolen session or token is no way to guess it.
/// </summary>
public sealed class PasswordChange(VigilDbContext db, UserAccounts accounts, AccountLockout lockout, EventRecorder events, TimeProvider clock)
{
    public abstract record Outcome;

    public sealed record Changed : Outcome;

    public sealed record Locked(TimeSpan RetryAfter) : Outcome;

    /// <summary>Refused, naming the field by JSON pointer.</summary>
    public sealed record Refused(IReadOnlyList<FieldError> Errors) : Outcome;

    /// <summary>Reads <c>{current_password, new_password}</c> strictly, then changes the password if the current one is right.</summary>
    public async Task<Outcome> ChangeAsync(JsonElement body, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        var reader = new JsonFieldReader(clock.GetUtcNow());
        string? current = null, replacement = null;
        reader.Object(body, JsonPointer.Root, new Dictionary<string, Action<JsonElement, string>>
        {
            ["current_password"] = (v, p) => current = reader.String(v, p, 1_000),
            ["new_password"] = (v, p) => replacement = UserEndpoints.ReadPassword(reader, v, p),
        }, "current_password", "new_password");
        if (reader.Errors.Count > 0)
        {
            return new Refused(reader.Errors);
        }
        var user = await db.Users.SingleAsync(u => u.Id == actor.UserId(), cancellationToken);
        if (await lockout.LockedForAsync(user.Email, cancellationToken) is { } wait)
        {
            return new Locked(wait);
        }
        if (user.PasswordHash is null)
        {
            return new Refused([new FieldError("/current_password", "you have no password yet; ask an administrator for a reset code")]);
        }
        if (!accounts.VerifyPassword(user, current!))
        {
            await lockout.RecordFailureAsync(user.Email, cancellationToken);
            return new Refused([new FieldError("/current_password", "is not your current password")]);
        }
        await lockout.ResetAsync(user.Email, cancellationToken);
        accounts.SetPassword(user, replacement!);
        var now = clock.GetUtcNow();
        var sessions = await AccessEnding.EndPageSessionsAsync(db, user.Id, now, actor.FindFirstValue(WebSessions.SessionClaim), cancellationToken);
        var tokens = await AccessEnding.EndTokensAsync(db, user.Id, now, signInOnly: true, actor.TokenId(), cancellationToken);
        await events.RecordAsync(AccountEvents.About(user, AccountEvents.PasswordChanged,
            new() { ["page_sessions_ended"] = sessions, ["sign_in_tokens_ended"] = tokens }), actor, cancellationToken);
        return new Changed();
    }
}
