using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Users;

/// <summary>
/// API tokens: admins issue them for any user, and users for themselves (on the record, where the user's organisation
/// sees it); they are listed by prefix and revoked, a user's own by the user. Every token expires: by default after
/// <see cref="AccountsOptions.DefaultTokenLifetime"/>, and never later than <see cref="AccountsOptions.MaxTokenLifetime"/>.
/// </summary>
public static class TokenEndpoints
{
    public static void Map(RouteGroupBuilder users, IEndpointRouteBuilder app)
    {
        users.MapPost("/{id}/tokens", Issue).Accepts<IssueTokenRequest>("application/json").AddEndpointFilter<IdempotencyFilter>()
            .ShowsSecretOnce<IssuedTokenResponse>(issued => issued.Resource)
            .WithName("IssueToken").WithSummary("Issue an API token for a user; the secret is shown only in this response");
        users.MapGet("/{id}/tokens", async (string id, VigilDbContext db, CancellationToken ct) => TypedResults.Ok(await ListAsync(db, id, ct)))
            .WithName("ListTokens");

        var mine = app.MapGroup("/api/v1/me/tokens").WithTags("Users").RequireAuthorization(Policies.SignedIn);
        mine.MapPost("/", IssueOwn).Accepts<IssueTokenRequest>("application/json").AddEndpointFilter<IdempotencyFilter>()
            .ShowsSecretOnce<IssuedTokenResponse>(issued => issued.Resource)
            .WithName("IssueOwnToken").WithSummary("Issue an API token for yourself; the secret is shown only in this response");
        mine.MapGet("/", async (ClaimsPrincipal user, VigilDbContext db, CancellationToken ct) => TypedResults.Ok(await ListAsync(db, user.UserId(), ct)))
            .WithName("ListOwnTokens").WithSummary("Your API tokens, by prefix only");

        app.MapDelete("/api/v1/tokens/{id}", Revoke).WithTags("Users").RequireAuthorization(Policies.SignedIn)
            .WithName("RevokeToken").WithSummary("Revoke a token (your own, or any as admin)");
    }

    private static async Task<Results<Created<IssuedTokenResponse>, ProblemHttpResult>> Issue(
        string id, HttpRequest request, ClaimsPrincipal actor, VigilDbContext db, AccountTokens issuer, CancellationToken cancellationToken)
    {
        var owner = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        return owner is null ? Problems.NotFound("user " + id) : await IssueAsync(owner, request, actor, issuer, cancellationToken);
    }

    /// <summary>A user issues a token for itself, under the rules an administrator's issuance follows.</summary>
    private static async Task<Results<Created<IssuedTokenResponse>, ProblemHttpResult>> IssueOwn(
        HttpRequest request, ClaimsPrincipal actor, VigilDbContext db, AccountTokens issuer, CancellationToken cancellationToken)
    {
        var owner = await db.Users.AsNoTracking().SingleAsync(u => u.Id == actor.UserId(), cancellationToken);
        return await IssueAsync(owner, request, actor, issuer, cancellationToken);
    }

    private static async Task<Results<Created<IssuedTokenResponse>, ProblemHttpResult>> IssueAsync(
        User owner, HttpRequest request, ClaimsPrincipal actor, AccountTokens issuer, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            var (read, errors) = issuer.Read(document!.RootElement);
            if (read is null)
            {
                return Problems.InvalidFields(errors);
            }
            var answer = await issuer.IssueAsync(owner, read, actor, cancellationToken);
            return TypedResults.Created(answer.Resource, answer);
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(
        string id, ClaimsPrincipal user, AccountTokens tokens, CancellationToken cancellationToken) =>
        await tokens.RevokeAsync(id, user, cancellationToken) ? TypedResults.NoContent() : Problems.NotFound("token " + id);

    /// <summary>A user's tokens, oldest first, by prefix only: the API's lists and the account page alike.</summary>
    public static async Task<List<TokenResponse>> ListAsync(VigilDbContext db, string userId, CancellationToken cancellationToken) =>
        (await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken)).Select(TokenResponse.From).ToList();

    public static IssuedTokenResponse Answer(ApiTokens.Issued issued, string? next = null) =>
        new(issued.Entity.Id, issued.Entity.UserId, issued.Entity.Name, issued.Secret, issued.Entity.Prefix,
            issued.Entity.CreatedAt, issued.Entity.ExpiresAt, issued.Entity.Scope, next);
}
