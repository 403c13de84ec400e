using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Vigil.Server.Infrastructure.Http;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Users;

/// <summary>
/// A user changes its own password, knowing the current one (<see cref="PasswordChange"/>); otherwise an administrator
/// asks for a one-time reset code (<see cref="PasswordResetEndpoints"/>).
/// </summary>
public static class PasswordEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/me/password", Change).Accepts<ChangePasswordRequest>("application/json").RequireAuthorization(Policies.SignedIn)
            .WithTags("Users").WithName("ChangePassword").WithSummary("Change your password, giving the current one");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Change(
        HttpContext http, ClaimsPrincipal actor, PasswordChange change, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonBody.ReadAsync(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            return await change.ChangeAsync(document!.RootElement, actor, cancellationToken) switch
            {
                PasswordChange.Locked locked => SignInEndpoints.Locked(http.Response, locked.RetryAfter),
                PasswordChange.Refused refused => Problems.InvalidFields(refused.Errors),
                _ => TypedResults.NoContent(),
            };
        }
    }
}
