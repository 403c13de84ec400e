using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Domain.Validation;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Users;

/// <summary>Users and API tokens: admins create users and issue tokens; anyone with a password can sign in for a token.</summary>
public static class UsersFeature
{
    public static IServiceCollection AddUsers(this IServiceCollection services)
    {
        services.AddScoped<UserAccounts>();
        services.AddOptions<FirstStartOptions>().BindConfiguration(FirstStartOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<FirstStart>();
        return services;
    }

    public static IEndpointRouteBuilder MapUsers(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/v1/users").WithTags("Users").RequireAuthorization(Roles.Admin);
        users.MapPost("/", CreateUser).Accepts<CreateUserRequest>("application/json").AddEndpointFilter<IdempotencyFilter>().WithName("CreateUser");
        users.MapGet("/", async (VigilDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct)).Select(UserResponse.From).ToList())).WithName("ListUsers");
        users.MapPost("/{id}/tokens", IssueToken).Accepts<IssueTokenRequest>("application/json").AddEndpointFilter<IdempotencyFilter>()
            .WithName("IssueToken").WithSummary("Issue an API token for a user; the secret is shown only in this response");
        users.MapGet("/{id}/tokens", async (string id, VigilDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await db.ApiTokens.AsNoTracking().Where(t => t.UserId == id).OrderBy(t => t.CreatedAt).ToListAsync(ct)).Select(TokenResponse.From).ToList()))
            .WithName("ListTokens");

        var tokens = app.MapGroup("/api/v1/tokens").WithTags("Users").RequireAuthorization();
        tokens.MapDelete("/{id}", RevokeToken).WithName("RevokeToken").WithSummary("Revoke a token (your own, or any as admin)");

        app.MapGet("/api/v1/me", async Task<Results<Ok<UserResponse>, ProblemHttpResult>> (ClaimsPrincipal user, VigilDbContext db, CancellationToken ct) =>
                await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == user.UserId(), ct) is { } me
                    ? TypedResults.Ok(UserResponse.From(me)) : Problems.NotFound("user"))
            .RequireAuthorization().WithTags("Users").WithName("WhoAmI");
        app.MapPost("/api/v1/auth/token", SignIn).Accepts<SignInRequest>("application/json").AllowAnonymous()
            .RequireRateLimiting(RateLimits.SignIn).WithTags("Users").WithName("SignIn")
            .WithSummary("Exchange an e-mail and password for an API token");
        return app;
    }

    private static async Task<Results<Created<UserResponse>, ProblemHttpResult>> CreateUser(
        HttpRequest request, VigilDbContext db, UserAccounts accounts, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            var reader = new JsonFieldReader(clock.GetUtcNow());
            string? email = null, role = null, organisationId = null, password = null;
            reader.Object(document!.RootElement, JsonPointer.Root, new Dictionary<string, Action<JsonElement, string>>
            {
                ["email"] = (v, p) => email = reader.Email(v, p),
                ["role"] = (v, p) => role = reader.OneOf(v, p, Roles.All, "role"),
                ["organisation_id"] = (v, p) => organisationId = reader.String(v, p, 36),
                ["password"] = (v, p) => password = ReadPassword(reader, v, p),
            }, "email", "role");
            if (role == Roles.Reporter && organisationId is null && !reader.Errors.Any(e => e.Pointer == "/organisation_id"))
            {
                reader.Fail("/organisation_id", "is required: a reporter belongs to exactly one organisation");
            }
            else if (role is not null && role != Roles.Reporter && organisationId is not null)
            {
                reader.Fail("/organisation_id", $"only reporters belong to an organisation, not a user with role {role}");
            }
            else if (organisationId is not null && !await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken))
            {
                reader.Fail("/organisation_id", $"there is no organisation {organisationId}");
            }
            if (email is not null && await db.Users.AnyAsync(u => u.Email == email.ToLowerInvariant(), cancellationToken))
            {
                reader.Fail("/email", "a user with this e-mail already exists");
            }
            if (reader.Errors.Count > 0)
            {
                return Problems.InvalidFields(reader.Errors);
            }
            var user = accounts.Create(email!, role!, organisationId, password);
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Created($"/api/v1/users/{user.Id}", UserResponse.From(user));
        }
    }

    private static string? ReadPassword(JsonFieldReader reader, JsonElement value, string pointer)
    {
        var password = reader.String(value, pointer, 1_000);
        if (password is not null && password.Length < UserAccounts.MinPasswordLength)
        {
            reader.Fail(pointer, $"must be at least {UserAccounts.MinPasswordLength} characters");
            return null;
        }
        return password;
    }

    private static async Task<Results<Created<IssuedTokenResponse>, ProblemHttpResult>> IssueToken(
        string id, HttpRequest request, VigilDbContext db, UserAccounts accounts, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await db.Users.AnyAsync(u => u.Id == id, cancellationToken))
        {
            return Problems.NotFound("user " + id);
        }
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            var reader = new JsonFieldReader(clock.GetUtcNow());
            string? name = null;
            DateTimeOffset? expiresAt = null;
            reader.Object(document!.RootElement, JsonPointer.Root, new Dictionary<string, Action<JsonElement, string>>
            {
                ["name"] = (v, p) => name = reader.String(v, p, 100),
                ["expires_at"] = (v, p) => expiresAt = ReadExpiry(reader, v, p),
            }, "name");
            if (reader.Errors.Count > 0)
            {
                return Problems.InvalidFields(reader.Errors);
            }
            var issued = accounts.IssueToken(id, name!, expiresAt?.ToUniversalTime());
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Created($"/api/v1/users/{id}/tokens", Issued(issued));
        }
    }

    private static DateTimeOffset? ReadExpiry(JsonFieldReader reader, JsonElement value, string pointer)
    {
        if (value.ValueKind == JsonValueKind.String && Iso8601.TryParse(value.GetString()!, out var at))
        {
            if (at <= reader.Now)
            {
                reader.Fail(pointer, "must lie in the future");
                return null;
            }
            return at;
        }
        reader.Fail(pointer, $"must be an ISO 8601 date-time with an offset, such as {Iso8601.Example}");
        return null;
    }

    private static async Task<Results<Created<IssuedTokenResponse>, ProblemHttpResult>> SignIn(
        HttpRequest request, VigilDbContext db, UserAccounts accounts, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            var reader = new JsonFieldReader(clock.GetUtcNow());
            string? email = null, password = null, tokenName = null;
            reader.Object(document!.RootElement, JsonPointer.Root, new Dictionary<string, Action<JsonElement, string>>
            {
                ["email"] = (v, p) => email = reader.String(v, p, 254),
                ["password"] = (v, p) => password = reader.String(v, p, 1_000),
                ["token_name"] = (v, p) => tokenName = reader.String(v, p, 100),
            }, "email", "password");
            if (reader.Errors.Count > 0)
            {
                return Problems.InvalidFields(reader.Errors);
            }
            var user = await accounts.CheckPasswordAsync(email!, password!, cancellationToken);
            if (user is null)
            {
                return Problems.Create(StatusCodes.Status401Unauthorized, "urn:vigil:problem:sign-in-failed", "Sign-in failed",
                    "The e-mail or the password is wrong.", null);
            }
            var issued = accounts.IssueToken(user.Id, tokenName ?? "sign-in", clock.GetUtcNow().AddHours(12));
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Created("/api/v1/me", Issued(issued));
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeToken(
        string id, ClaimsPrincipal user, VigilDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (token is null || (token.UserId != user.UserId() && user.Role() != Roles.Admin))
        {
            return Problems.NotFound("token " + id);
        }
        token.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static IssuedTokenResponse Issued(ApiTokens.Issued issued) =>
        new(issued.Entity.Id, issued.Entity.UserId, issued.Entity.Name, issued.Secret, issued.Entity.CreatedAt, issued.Entity.ExpiresAt);
}
