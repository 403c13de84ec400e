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
        users.MapPost("/{id}/sessions/end", (string id, ClaimsPrincipal actor, VigilDbContext db, EventRecorder events, TimeProvider clock, CancellationToken ct) =>
                EndAsync(id, actor, db, events, clock, ct))
            .WithName("EndUserSessions").WithSummary("End every page session and token of a user");
        app.MapPost("/api/v1/me/sessions/end", (ClaimsPrincipal actor, VigilDbContext db, EventRecorder events, TimeProvider clock, CancellationToken ct) =>
                EndAsync(actor.UserId(), actor, db, events, clock, ct))
            .RequireAuthorization(Policies.SignedIn).WithTags("Users").WithName("EndMySessions")
            .WithSummary("End every page session and token of yours, this one included");
    }

    private static async Task<Results<Ok<SessionsEndedResponse>, ProblemHttpResult>> EndAsync(
        string id, ClaimsPrincipal actor, VigilDbContext db, EventRecorder events, TimeProvider clock, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return Problems.NotFound("user " + id);
        }
        var ended = await AccessEnding.EndAllAsync(db, id, clock.GetUtcNow(), cancellationToken);
        await events.RecordAsync(AccountEvents.About(user, AccountEvents.SessionsEnded,
            new() { ["page_sessions_ended"] = ended.Sessions, ["tokens_ended"] = ended.Tokens }), actor, cancellationToken);
        return TypedResults.Ok(new SessionsEndedResponse(id, ended.Sessions, ended.Tokens));
    }
}
