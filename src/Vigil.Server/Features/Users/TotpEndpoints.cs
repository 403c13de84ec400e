using System.Security.Claims;
using System.Security.Cryptography;
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
/// The second factor (RFC 6238): a user asks for a secret, adds it to an authenticator app and confirms with a first
/// code; from then on password sign-in needs a code. An administrator can remove it for a user who lost the device.
/// These are the only endpoints a token limited to enrolment may call.
/// </summary>
public static class TotpEndpoints
{
    public const string Issuer = "Vigil";

    public static void Map(RouteGroupBuilder users, IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/v1/me/totp").WithTags("Users").RequireAuthorization(Policies.TotpEnrolment);
        me.MapPost("/", Enrol).ShowsSecretOnce<TotpEnrolmentResponse>(_ => "/api/v1/me/totp")
            .WithName("EnrolTotp").WithSummary("Start setting up a second factor: a new secret, shown only in this response");
        me.MapPost("/confirm", Confirm).Accepts<ConfirmTotpRequest>("application/json")
            .WithName("ConfirmTotp").WithSummary("Turn the second factor on with a first code from the authenticator app");
        users.MapDelete("/{id}/totp", Reset).WithName("ResetTotp").WithSummary("Remove a user's second factor, so that it can set up a new one");
    }

    private static async Task<Results<Ok<TotpEnrolmentResponse>, ProblemHttpResult>> Enrol(
        ClaimsPrincipal actor, VigilDbContext db, TotpFactor totp, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleAsync(u => u.Id == actor.UserId(), cancellationToken);
        if (user.TotpEnabledAt is not null)
        {
            return AlreadyOn();
        }
        var secret = totp.NewSecret(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Ok(new TotpEnrolmentResponse(Base32.Encode(secret), Totp.EnrolmentUri(Issuer, user.Email, secret), Totp.Digits, Totp.StepSeconds));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> Confirm(
        HttpRequest request, ClaimsPrincipal actor, VigilDbContext db, TotpFactor totp, EventRecorder events, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        string? code = null;
        if (await StrictObject.ReadAsync(request, clock, r => new Dictionary<string, Action<JsonElement, string>>
        {
            ["code"] = (v, p) => code = r.String(v, p, 20),
        }, ["code"], cancellationToken) is { } problem)
        {
            return problem;
        }
        var user = await db.Users.SingleAsync(u => u.Id == actor.UserId(), cancellationToken);
        if (user.TotpEnabledAt is not null)
        {
            return AlreadyOn();
        }
        if (user.TotpSecret is null)
        {
            return Problems.Conflict("urn:vigil:problem:totp-not-enrolled", "No second factor to confirm",
                "Start with POST /api/v1/me/totp, add the secret to an authenticator app, then confirm with a code it shows.");
        }
        if (!await totp.AcceptAsync(user, code, cancellationToken))
        {
            return Problems.InvalidFields([new FieldError("/code", "is not the code the authenticator app shows now")]);
        }
        var now = clock.GetUtcNow();
        user.TotpEnabledAt = now;
        // A token that could only enrol has done its work; the user signs in again, now with a code.
        if (actor.HasRestrictedScope() && actor.TokenId() is { } tokenId)
        {
            await db.ApiTokens.Where(t => t.Id == tokenId).ForEachAsync(t => t.RevokedAt = now, cancellationToken);
        }
        await events.RecordAsync(AccountEvents.About(user, AccountEvents.TotpEnabled), actor, cancellationToken);
        return TypedResults.Ok(UserResponse.From(user));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Reset(
        string id, ClaimsPrincipal actor, UserAdministration users, CancellationToken cancellationToken) =>
        await users.ResetTotpAsync(id, actor, cancellationToken) ? TypedResults.NoContent() : Problems.NotFound("user " + id);

    private static ProblemHttpResult AlreadyOn() =>
        Problems.Conflict("urn:vigil:problem:totp-already-enabled", "A second factor is set up already",
            "To replace it, ask an administrator to remove it (DELETE /api/v1/users/{id}/totp), then enrol again.");
}
