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
        string id, HttpRequest request, ClaimsPrincipal actor, UserAdministration users, CancellationToken cancellationToken) =>
        await WithBodyAsync(request, body => users.DisableAsync(id, body, actor, cancellationToken), "user " + id, cancellationToken);

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> Enable(
        string id, ClaimsPrincipal actor, UserAdministration users, CancellationToken cancellationToken) =>
        Answer(await users.EnableAsync(id, actor, cancellationToken), "user " + id);

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> ChangeRole(
        string id, HttpRequest request, ClaimsPrincipal actor, UserAdministration users, CancellationToken cancellationToken) =>
        await WithBodyAsync(request, body => users.ChangeRoleAsync(id, body, actor, cancellationToken), "user " + id, cancellationToken);

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> WithBodyAsync(
        HttpRequest request, Func<JsonElement, Task<UserAdministration.Outcome>> change, string what, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            return Answer(await change(document!.RootElement), what);
        }
    }

    private static Results<Ok<UserResponse>, ProblemHttpResult> Answer(UserAdministration.Outcome outcome, string what) =>
        outcome is UserAdministration.Done done ? TypedResults.Ok(UserResponse.From(done.User)) : Problem(outcome, what);

    /// <summary>The problem a change that was not done answers with.</summary>
    public static ProblemHttpResult Problem(UserAdministration.Outcome outcome, string what = "user") => outcome switch
    {
        UserAdministration.Invalid invalid => Problems.InvalidFields(invalid.Errors),
        UserAdministration.LastAdmin last => Problems.Conflict("urn:vigil:problem:last-admin", "The last administrator",
            $"This is the only enabled administrator; it cannot be {last.What}. Make another user an administrator first."),
        _ => Problems.NotFound(what),
    };
}
