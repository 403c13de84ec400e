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

/// <summary>Admins create, list and look up users; every creation is on the record.</summary>
public static class UserEndpoints
{
    public static void Map(RouteGroupBuilder users)
    {
        users.MapPost("/", Create).Accepts<CreateUserRequest>("application/json").AddEndpointFilter<IdempotencyFilter>().WithName("CreateUser");
        users.MapGet("/", async (VigilDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct)).Select(UserResponse.From).ToList())).WithName("ListUsers");
        users.MapGet("/{id}", async Task<Results<Ok<UserResponse>, ProblemHttpResult>> (string id, VigilDbContext db, CancellationToken ct) =>
                await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct) is { } user
                    ? TypedResults.Ok(UserResponse.From(user)) : Problems.NotFound("user " + id))
            .WithName("GetUser");
    }

    private static async Task<Results<Created<UserResponse>, ProblemHttpResult>> Create(
        HttpRequest request, ClaimsPrincipal actor, UserAdministration users, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            return await users.CreateAsync(document!.RootElement, actor, cancellationToken) switch
            {
                UserAdministration.Done done => TypedResults.Created($"/api/v1/users/{done.User.Id}", UserResponse.From(done.User)),
                var other => UserStateEndpoints.Problem(other),
            };
        }
    }

    /// <summary>A reporter belongs to exactly one organisation, which must exist; no one else belongs to one.</summary>
    public static async Task CheckOrganisationAsync(JsonFieldReader reader, VigilDbContext db, string? role, string? organisationId, CancellationToken cancellationToken)
    {
        if (reader.Errors.Any(e => e.Pointer is "/organisation_id" or "/role"))
        {
            return;
        }
        if (role == Roles.Reporter && organisationId is null)
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
    }

    /// <summary>A new password: a string of at least <see cref="UserAccounts.MinPasswordLength"/> characters.</summary>
    public static string? ReadPassword(JsonFieldReader reader, JsonElement value, string pointer)
    {
        var password = reader.String(value, pointer, 1_000);
        if (password is not null && password.Length < UserAccounts.MinPasswordLength)
        {
            reader.Fail(pointer, $"must be at least {UserAccounts.MinPasswordLength} characters");
            return null;
        }
        return password;
    }
}
