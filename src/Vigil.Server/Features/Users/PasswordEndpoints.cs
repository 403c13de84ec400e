using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Domain.Validation;
using Vigil.Server.Features.Events;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Users;

/// <summary>
/// A user changes its own password, knowing the current one; otherwise an administrator asks for a one-time reset
/// code (<see cref="PasswordResetEndpoints"/>). Changing it ends the user's other page sessions and the other tokens
/// it got by signing in with the old one.
/// </summary>
public static class PasswordEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/me/password", Change).Accepts<ChangePasswordRequest>("application/json").RequireAuthorization(Policies.SignedIn)
            .WithTags("Users").WithName("ChangePassword").WithSummary("Change your password, giving the current one");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Change(
        HttpContext http, ClaimsPrincipal actor, VigilDbContext db, UserAccounts accounts, AccountLockout lockout, EventRecorder events,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonBody.ReadAsync(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        string? current = null, replacement = null;
        using (document)
        {
            var reader = new JsonFieldReader(clock.GetUtcNow());
            reader.Object(document!.RootElement, JsonPointer.Root, new Dictionary<string, Action<JsonElement, string>>
            {
                ["current_password"] = (v, p) => current = reader.String(v, p, 1_000),
                ["new_password"] = (v, p) => replacement = UserEndpoints.ReadPassword(reader, v, p),
            }, "current_password", "new_password");
            if (reader.Errors.Count > 0)
            {
                return Problems.InvalidFields(reader.Errors);
            }
        }
        var user = await db.Users.SingleAsync(u => u.Id == actor.UserId(), cancellationToken);
        // A stolen token must not become a way to guess the password: the same lock as sign-in applies.
        if (await lockout.LockedForAsync(user.Email, cancellationToken) is { } wait)
        {
            return SignInEndpoints.Locked(http.Response, wait);
        }
        if (user.PasswordHash is null)
        {
            return Problems.InvalidFields([new FieldError("/current_password", "you have no password yet; ask an administrator for a reset code")]);
        }
        if (!accounts.VerifyPassword(user, current!))
        {
            await lockout.RecordFailureAsync(user.Email, cancellationToken);
            return Problems.InvalidFields([new FieldError("/current_password", "is not your current password")]);
        }
        await lockout.ResetAsync(user.Email, cancellationToken);
        accounts.SetPassword(user, replacement!);
        var now = clock.GetUtcNow();
        var sessions = await AccessEnding.EndPageSessionsAsync(db, user.Id, now, actor.FindFirstValue(WebSessions.SessionClaim), cancellationToken);
        var tokens = await AccessEnding.EndTokensAsync(db, user.Id, now, signInOnly: true, actor.TokenId(), cancellationToken);
        await events.RecordAsync(AccountEvents.About(user, AccountEvents.PasswordChanged,
            new() { ["page_sessions_ended"] = sessions, ["sign_in_tokens_ended"] = tokens }), actor, cancellationToken);
        return TypedResults.NoContent();
    }
}
