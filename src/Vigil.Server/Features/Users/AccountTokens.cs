using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Validation;
using Vigil.Server.Features.Events;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Users;

/// <summary>
/// Issuing and revoking API tokens by request: an administrator's for anyone, or a user's own (the API and the account
/// page). The same rules for each: a name, and an expiry in the future, by default
/// <see cref="AccountsOptions.DefaultTokenLifetime"/> ahead and never more than <see cref="AccountsOptions.MaxTokenLifetime"/>;
/// and an event on the record for each issue and each revocation.
/// </summary>
public sealed class AccountTokens(VigilDbContext db, UserAccounts accounts, EventRecorder events, IOptions<AccountsOptions> options, TimeProvider clock)
{
    public sealed record Request(string Name, DateTimeOffset? ExpiresAt);

    /// <summary>Reads <c>{name, expires_at}</c> strictly; null with the errors named by JSON pointer when it cannot be issued.</summary>
    public (Request? Request, IReadOnlyList<FieldError> Errors) Read(JsonElement body)
    {
        var reader = new JsonFieldReader(clock.GetUtcNow());
        string? name = null;
        DateTimeOffset? expiresAt = null;
        reader.Object(body, JsonPointer.Root, new Dictionary<string, Action<JsonElement, string>>
        {
            ["name"] = (v, p) => name = reader.String(v, p, 100),
            ["expires_at"] = (v, p) => expiresAt = ReadExpiry(reader, v, p, options.Value.MaxTokenLifetime),
        }, "name");
        return reader.Errors.Count > 0 ? (null, reader.Errors) : (new Request(name!, expiresAt), []);
    }

    /// <summary>Adds the token and the event that records it (saved together); the answer is the only place its secret appears.</summary>
    public async Task<IssuedTokenResponse> IssueAsync(User owner, Request request, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        var issued = accounts.IssueToken(owner.Id, request.Name, request.ExpiresAt?.ToUniversalTime() ?? clock.GetUtcNow() + options.Value.DefaultTokenLifetime);
        await events.RecordAsync(AccountEvents.AboutToken(issued.Entity, owner, AccountEvents.TokenIssued, AccountEvents.TokenDetails(issued.Entity)),
            actor, cancellationToken);
        return TokenEndpoints.Answer(issued);
    }

    /// <summary>Revokes a token of the actor's own (or any, for an administrator); false when there is no such token it may revoke.</summary>
    public async Task<bool> RevokeAsync(string tokenId, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId, cancellationToken);
        if (token is null || (token.UserId != actor.UserId() && actor.Role() != Roles.Admin))
        {
            return false;
        }
        if (token.RevokedAt is not null)
        {
            return true;
        }
        token.RevokedAt = clock.GetUtcNow();
        var owner = await db.Users.AsNoTracking().SingleAsync(u => u.Id == token.UserId, cancellationToken);
        await events.RecordAsync(AccountEvents.AboutToken(token, owner, AccountEvents.TokenRevoked, AccountEvents.TokenDetails(token)), actor, cancellationToken);
        return true;
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
}
