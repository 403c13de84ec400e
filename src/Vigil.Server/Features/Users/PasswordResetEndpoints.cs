using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Validation;
using Vigil.Server.Features.Events;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.Users;

/// <summary>
/// A reset the administrator starts and never sees the end of: it gets a one-time code (160 random bits, kept only as
/// its SHA-256) to pass on; the user sends the code with a new password. The code works once, until it expires; using
/// it ends every page session and every sign-in token of the user.
/// </summary>
public static class PasswordResetEndpoints
{
    public const string ResetPath = "/api/v1/auth/password-reset";

    public static void Map(RouteGroupBuilder users, IEndpointRouteBuilder app)
    {
        users.MapPost("/{id}/password-reset", Issue).ShowsSecretOnce<PasswordResetIssuedResponse>(r => $"password reset {r.Id} of user {r.UserId}")
            .WithName("IssuePasswordReset").WithSummary("Get a one-time code for the user to set a new password; shown only in this response");
        app.MapPost(ResetPath, Use).Accepts<ResetPasswordRequest>("application/json").AllowAnonymous()
            .RequireRateLimiting(RateLimits.SignIn).WithTags("Users").WithName("ResetPassword")
            .WithSummary("Set a new password with a one-time code from an administrator");
    }

    private static async Task<Results<Created<PasswordResetIssuedResponse>, ProblemHttpResult>> Issue(
        string id, ClaimsPrincipal actor, UserAdministration users, CancellationToken cancellationToken) =>
        await users.IssuePasswordResetAsync(id, actor, cancellationToken) is { } issued
            ? TypedResults.Created($"/api/v1/users/{id}", issued)
            : Problems.NotFound("user " + id);

    private static async Task<Results<NoContent, ProblemHttpResult>> Use(
        HttpRequest request, VigilDbContext db, UserAccounts accounts, AccountLockout lockout, EventRecorder events, WriteTransactions writes,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        string? code = null, password = null;
        if (await StrictObject.ReadAsync(request, clock, r => new Dictionary<string, Action<JsonElement, string>>
        {
            ["code"] = (v, p) => code = r.String(v, p, 100),
            ["new_password"] = (v, p) => password = UserEndpoints.ReadPassword(r, v, p),
        }, ["code", "new_password"], cancellationToken) is { } problem)
        {
            return problem;
        }
        var now = clock.GetUtcNow();
        var hash = HashCode(code!);
        await using var transaction = await writes.BeginAsync(db, cancellationToken);
        var reset = await db.PasswordResets.AsNoTracking().SingleOrDefaultAsync(r => r.CodeHash == hash && r.UsedAt == null && r.ExpiresAt > now, cancellationToken);
        // Taken with a condition on its use, so that two requests racing with one code cannot both set a password.
        var taken = reset is not null && await db.PasswordResets.Where(r => r.Id == reset.Id && r.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.UsedAt, now), cancellationToken) == 1;
        if (!taken)
        {
            return Problems.InvalidFields([new FieldError("/code", "is not a reset code that can still be used: it is unknown, used already or expired")]);
        }
        var user = await db.Users.SingleAsync(u => u.Id == reset!.UserId, cancellationToken);
        accounts.SetPassword(user, password!);
        var sessions = await AccessEnding.EndPageSessionsAsync(db, user.Id, now, null, cancellationToken);
        var tokens = await AccessEnding.EndTokensAsync(db, user.Id, now, signInOnly: true, null, cancellationToken);
        await lockout.ResetAsync(user.Email, cancellationToken);
        // The user is the actor: it proved who it is with the code.
        var actor = ClaimsPrincipalExtensions.Create("password-reset", user.Id, user.Email, user.Role, user.OrganisationId);
        await events.RecordAsync(AccountEvents.About(user, AccountEvents.PasswordResetUsed,
            new() { ["password_reset_id"] = reset!.Id, ["page_sessions_ended"] = sessions, ["sign_in_tokens_ended"] = tokens }), actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Codes are compared by their SHA-256, ignoring case, spaces and hyphens that people add when passing one on.</summary>
    public static string HashCode(string code) =>
        ApiTokens.Hash(new string([.. code.Where(c => c is not (' ' or '-')).Select(char.ToUpperInvariant)]));
}
