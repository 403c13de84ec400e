using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Data;
using Vigil.Domain.Validation;
using Vigil.Server.Features.Events;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Users;

/// <summary>
/// API tokens: admins issue them for any user (on the record, where the user's organisation sees it), list them by
/// prefix, and revoke them; a user revokes its own. Every token expires: by default after
/// <see cref="AccountsOptions.DefaultTokenLifetime"/>, and never later than <see cref="AccountsOptions.MaxTokenLifetime"/>.
/// </summary>
public static class TokenEndpoints
{
    public static void Map(RouteGroupBuilder users, IEndpointRouteBuilder app)
    {
        users.MapPost("/{id}/tokens", Issue).Accepts<IssueTokenRequest>("application/json").AddEndpointFilter<IdempotencyFilter>()
            .ShowsSecretOnce<IssuedTokenResponse>(issued => issued.Resource)
            .WithName("IssueToken").WithSummary("Issue an API token for a user; the secret is shown only in this response");
        users.MapGet("/{id}/tokens", async (string id, VigilDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await db.ApiTokens.AsNoTracking().Where(t => t.UserId == id).OrderBy(t => t.CreatedAt).ToListAsync(ct)).Select(TokenResponse.From).ToList()))
            .WithName("ListTokens");

        app.MapDelete("/api/v1/tokens/{id}", Revoke).WithTags("Users").RequireAuthorization(Policies.SignedIn)
            .WithName("RevokeToken").WithSummary("Revoke a token (your own, or any as admin)");
    }

    private static async Task<Results<Created<IssuedTokenResponse>, ProblemHttpResult>> Issue(
        string id, HttpRequest request, ClaimsPrincipal actor, VigilDbContext db, UserAccounts accounts, EventRecorder events,
        IOptions<AccountsOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var owner = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (owner is null)
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
                ["expires_at"] = (v, p) => expiresAt = ReadExpiry(reader, v, p, options.Value.MaxTokenLifetime),
            }, "name");
            if (reader.Errors.Count > 0)
            {
                return Problems.InvalidFields(reader.Errors);
            }
            var issued = accounts.IssueToken(id, name!, expiresAt?.ToUniversalTime() ?? reader.Now + options.Value.DefaultTokenLifetime);
            await events.RecordAsync(AccountEvents.AboutToken(issued.Entity, owner, AccountEvents.TokenIssued, AccountEvents.TokenDetails(issued.Entity)),
                actor, cancellationToken);
            var answer = Answer(issued);
            return TypedResults.Created(answer.Resource, answer);
        }
    }

    private static DateTimeOffset? ReadExpiry(JsonFieldReader reader, JsonElement value, string pointer, TimeSpan maxLifetime)
    {
        if (value.ValueKind == JsonValueKind.String && Iso8601.TryParse(value.GetString()!, out var at))
        {
            if (at <= reader.Now)
            {
                reader.Fail(pointer, "must lie in the future");
                return null;
            }
            if (at > reader.Now + maxLifetime)
            {
                reader.Fail(pointer, $"must lie at most {maxLifetime.TotalDays:0.##} days ahead (the longest a token may last)");
                return null;
            }
            return at;
        }
        reader.Fail(pointer, $"must be an ISO 8601 date-time with an offset, such as {Iso8601.Example}");
        return null;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(
        string id, ClaimsPrincipal user, VigilDbContext db, EventRecorder events, TimeProvider clock, CancellationToken cancellationToken)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (token is null || (token.UserId != user.UserId() && user.Role() != Roles.Admin))
        {
            return Problems.NotFound("token " + id);
        }
        if (token.RevokedAt is not null)
        {
            return TypedResults.NoContent();
        }
        token.RevokedAt = clock.GetUtcNow();
        var owner = await db.Users.AsNoTracking().SingleAsync(u => u.Id == token.UserId, cancellationToken);
        await events.RecordAsync(AccountEvents.AboutToken(token, owner, AccountEvents.TokenRevoked, AccountEvents.TokenDetails(token)), user, cancellationToken);
        return TypedResults.NoContent();
    }

    public static IssuedTokenResponse Answer(ApiTokens.Issued issued, string? next = null) =>
        new(issued.Entity.Id, issued.Entity.UserId, issued.Entity.Name, issued.Secret, issued.Entity.Prefix,
            issued.Entity.CreatedAt, issued.Entity.ExpiresAt, issued.Entity.Scope, next);
}
