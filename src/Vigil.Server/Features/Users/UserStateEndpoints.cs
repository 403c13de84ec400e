using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Domain.Validation;
using Vigil.Server.Features.Events;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.Users;

/// <summary>
/// Taking access away and changing it: disable and enable a user, change its role. Each takes effect on the user's
/// next request (principals are read from the database on every request), is on the record with its reason, and
/// none may leave Vigil without an enabled administrator.
/// </summary>
public static class UserStateEndpoints
{
    public static void Map(RouteGroupBuilder users)
    {
        users.MapPost("/{id}/disable", Disable).Accepts<DisableUserRequest>("application/json").WithName("DisableUser")
            .WithSummary("Disable a user: its tokens and page sessions stop working at once and it cannot sign in");
        users.MapPost("/{id}/enable", Enable).WithName("EnableUser").WithSummary("Enable a disabled user again");
        users.MapPut("/{id}/role", ChangeRole).Accepts<ChangeRoleRequest>("application/json").WithName("ChangeRole")
            .WithSummary("Change a user's role (and, for a reporter, its organisation)");
    }

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> Disable(
        string id, HttpRequest request, ClaimsPrincipal actor, VigilDbContext db, UserAccounts accounts, EventRecorder events,
        WriteTransactions writes, TimeProvider clock, CancellationToken cancellationToken)
    {
        string? reason = null;
        if (await StrictObject.ReadAsync(request, clock, r => new Dictionary<string, Action<JsonElement, string>>
        {
            ["reason"] = (v, p) => reason = r.String(v, p, 1_000, multiline: true),
        }, ["reason"], cancellationToken) is { } problem)
        {
            return problem;
        }
        await using var transaction = await writes.BeginAsync(db, cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return Problems.NotFound("user " + id);
        }
        if (user.DisabledAt is not null)
        {
            return TypedResults.Ok(UserResponse.From(user));
        }
        if (await accounts.IsLastEnabledAdminAsync(user, cancellationToken))
        {
            return LastAdmin("disabled");
        }
        var now = clock.GetUtcNow();
        user.DisabledAt = now;
        // Tokens are refused while the user is disabled; page sessions end for good.
        var sessions = await AccessEnding.EndPageSessionsAsync(db, user.Id, now, null, cancellationToken);
        await events.RecordAsync(AccountEvents.About(user, AccountEvents.UserDisabled, new() { ["reason"] = reason, ["page_sessions_ended"] = sessions }),
            actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(UserResponse.From(user));
    }

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> Enable(
        string id, ClaimsPrincipal actor, VigilDbContext db, EventRecorder events, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return Problems.NotFound("user " + id);
        }
        if (user.DisabledAt is null)
        {
            return TypedResults.Ok(UserResponse.From(user));
        }
        user.DisabledAt = null;
        await events.RecordAsync(AccountEvents.About(user, AccountEvents.UserEnabled), actor, cancellationToken);
        return TypedResults.Ok(UserResponse.From(user));
    }

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> ChangeRole(
        string id, HttpRequest request, ClaimsPrincipal actor, VigilDbContext db, UserAccounts accounts, EventRecorder events,
        WriteTransactions writes, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        string? role = null, organisationId = null;
        using (document)
        {
            var reader = new JsonFieldReader(clock.GetUtcNow());
            reader.Object(document!.RootElement, JsonPointer.Root, new Dictionary<string, Action<JsonElement, string>>
            {
                ["role"] = (v, p) => role = reader.OneOf(v, p, Roles.All, "role"),
                ["organisation_id"] = (v, p) => organisationId = v.ValueKind == JsonValueKind.Null ? null : reader.String(v, p, 36),
            }, "role");
            await UserEndpoints.CheckOrganisationAsync(reader, db, role, organisationId, cancellationToken);
            if (reader.Errors.Count > 0)
            {
                return Problems.InvalidFields(reader.Errors);
            }
        }
        await using var transaction = await writes.BeginAsync(db, cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return Problems.NotFound("user " + id);
        }
        if (user.Role == role && user.OrganisationId == organisationId)
        {
            return TypedResults.Ok(UserResponse.From(user));
        }
        if (role != Roles.Admin && await accounts.IsLastEnabledAdminAsync(user, cancellationToken))
        {
            return LastAdmin("given another role");
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
        return TypedResults.Ok(UserResponse.From(user));
    }

    private static ProblemHttpResult LastAdmin(string what) =>
        Problems.Conflict("urn:vigil:problem:last-admin", "The last administrator",
            $"This is the only enabled administrator; it cannot be {what}. Make another user an administrator first.");
}
