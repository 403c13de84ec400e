using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Server.Features.Events;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Users;

/// <summary>
/// "Sign me out everywhere", or an administrator doing it for someone: every page session and every token of the
/// person ends, the one asking included, and the next request with any of them is refused. The password stays.
/// </summary>
public static class SessionEndpoints
{
    public static void Map(RouteGroupBuilder users, IEndpointRouteBuilder app)
    {
        users.MapPost("/{id}/sessions/end", (string id, ClaimsPrincipal actor, UserAdministration users, CancellationToken ct) => EndAsync(id, actor, users, ct))
            .WithName("EndUserSessions").WithSummary("End every page session and token of a user");
        app.MapPost("/api/v1/me/sessions/end", (ClaimsPrincipal actor, UserAdministration users, CancellationToken ct) => EndAsync(actor.UserId(), actor, users, ct))
            .RequireAuthorization(Policies.SignedIn).WithTags("Users").WithName("EndMySessions")
            .WithSummary("End every page session and token of yours, this one included");
    }

    private static async Task<Results<Ok<SessionsEndedResponse>, ProblemHttpResult>> EndAsync(
        string id, ClaimsPrincipal actor, UserAdministration users, CancellationToken cancellationToken) =>
        await users.EndSessionsAsync(id, actor, cancellationToken) is { } ended ? TypedResults.Ok(ended) : Problems.NotFound("user " + id);
}
