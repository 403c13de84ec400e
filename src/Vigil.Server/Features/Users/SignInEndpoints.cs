using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Data;
using Vigil.Domain.Validation;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Users;

/// <summary>Signing in with a password for a token, and asking who a token belongs to.</summary>
public static class SignInEndpoints
{
    public const string FailedType = "urn:vigil:problem:sign-in-failed";

    public const string LockedType = "urn:vigil:problem:sign-in-locked";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/auth/token", SignIn).Accepts<SignInRequest>("application/json").AllowAnonymous()
            .RequireRateLimiting(RateLimits.SignIn).ShowsSecretOnce<IssuedTokenResponse>(issued => issued.Resource)
            .WithTags("Users").WithName("SignIn").WithSummary("Exchange an e-mail and password (and second-factor code) for an API token");
        app.MapGet("/api/v1/me", async Task<Results<Ok<UserResponse>, ProblemHttpResult>> (ClaimsPrincipal user, VigilDbContext db, CancellationToken ct) =>
                await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == user.UserId(), ct) is { } me
                    ? TypedResults.Ok(UserResponse.From(me)) : Problems.NotFound("user"))
            .RequireAuthorization(Policies.SignedIn).WithTags("Users").WithName("WhoAmI");
    }

    private static async Task<Results<Created<IssuedTokenResponse>, ProblemHttpResult>> SignIn(
        HttpContext http, VigilDbContext db, PasswordSignIn signIn, UserAccounts accounts, IOptions<AccountsOptions> options,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonBody.ReadAsync(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        string? email = null, password = null, tokenName = null, totp = null;
        using (document)
        {
            var reader = new JsonFieldReader(clock.GetUtcNow());
            reader.Object(document!.RootElement, JsonPointer.Root, new Dictionary<string, Action<JsonElement, string>>
            {
                ["email"] = (v, p) => email = reader.String(v, p, 254),
                ["password"] = (v, p) => password = reader.String(v, p, 1_000),
                ["token_name"] = (v, p) => tokenName = reader.String(v, p, 100),
                ["totp"] = (v, p) => totp = reader.String(v, p, 20),
            }, "email", "password");
            if (reader.Errors.Count > 0)
            {
                return Problems.InvalidFields(reader.Errors);
            }
        }
        var outcome = await signIn.SignInAsync(email!, password!, totp, cancellationToken);
        if (outcome is PasswordSignIn.LockedOut locked)
        {
            return Locked(http.Response, locked.RetryAfter);
        }
        if (outcome is not PasswordSignIn.SignedIn signedIn)
        {
            return Problems.Create(StatusCodes.Status401Unauthorized, FailedType, "Sign-in failed",
                "The e-mail, the password or the second factor's code is wrong.", null);
        }
        var now = clock.GetUtcNow();
        var issued = signedIn.MustEnrolTotp
            ? accounts.IssueToken(signedIn.User.Id, "totp-enrolment", now + options.Value.TotpEnrolmentTokenLifetime,
                new ApiTokens.Kind(FromSignIn: true, Scope: ApiTokens.TotpEnrolmentScope))
            : accounts.IssueToken(signedIn.User.Id, tokenName ?? "sign-in", now + options.Value.SignInTokenLifetime, new ApiTokens.Kind(FromSignIn: true));
        await db.SaveChangesAsync(cancellationToken);
        var next = signedIn.MustEnrolTotp
            ? "Your role must sign in with a second factor, and you have none yet. This token may only set one up: POST /api/v1/me/totp, "
              + "add the secret to an authenticator app, POST /api/v1/me/totp/confirm with a code, then sign in again with a code in 'totp'."
            : null;
        var answer = TokenEndpoints.Answer(issued, next);
        return TypedResults.Created("/api/v1/me", answer);
    }

    /// <summary>429 with Retry-After: the name is locked after failed sign-ins, whatever the password this time.</summary>
    public static ProblemHttpResult Locked(HttpResponse response, TimeSpan retryAfter)
    {
        response.Headers.RetryAfter = PasswordSignIn.RetryAfterSeconds(retryAfter);
        return Problems.Create(StatusCodes.Status429TooManyRequests, LockedType, "Too many failed sign-ins",
            $"Sign-in for this e-mail is paused after failed attempts; try again in {PasswordSignIn.RetryAfterSeconds(retryAfter)} seconds.", null);
    }
}
