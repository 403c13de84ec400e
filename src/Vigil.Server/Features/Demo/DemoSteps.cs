using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Vigil.Data.Entities;
using Vigil.Domain.Validation;
using Vigil.Server.Infrastructure.Security;

namespace Vigil.Server.Features.Demo;

/// <summary>
/// How the loader acts: at a moment (the clock set to it), in a scope of its own, as a user, through the same
/// handlers and services the API runs. A step the server refuses stops the load with the server's own words.
/// </summary>
public sealed class DemoSteps(IServiceProvider services, DemoClock clock)
{
    /// <summary>Vigil itself: the actor of what no one signed in did (the first accounts).</summary>
    public static readonly ClaimsPrincipal Itself = new(new ClaimsIdentity());

    public static ClaimsPrincipal As(User user) =>
        ClaimsPrincipalExtensions.Create("demo", user.Id, user.Email, user.Role, user.OrganisationId);

    /// <summary>Runs <paramref name="step"/> with the clock at <paramref name="at"/> (ISO 8601 with offset).</summary>
    public async Task<T> AtAsync<T>(string at, Func<IServiceProvider, Task<T>> step)
    {
        clock.Set(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture));
        await using var scope = services.CreateAsyncScope();
        return await step(scope.ServiceProvider);
    }

    public static JsonElement Body(string json) => JsonDocument.Parse(json).RootElement.Clone();

    public static JsonElement Body(JsonNode json) => JsonSerializer.SerializeToElement(json);

    /// <summary>The value of a handler's success, or the load stops with the problem it answered.</summary>
    public static T Expect<T>(IResult result, string what) => result switch
    {
        Created<T> created => created.Value!,
        Ok<T> ok => ok.Value!,
        ProblemHttpResult problem => throw Refused(what, problem),
        _ => throw new InvalidOperationException($"The demo's step '{what}' had an unexpected answer: {result.GetType().Name}."),
    };

    public static InvalidOperationException Refused(string what, ProblemHttpResult? problem, IReadOnlyList<FieldError>? errors = null) =>
        new($"The server refused the demo's step '{what}': "
            + (problem is null ? "" : JsonSerializer.Serialize(problem.ProblemDetails))
            + string.Join("; ", (errors ?? []).Select(e => $"{e.Pointer}: {e.Detail}")));
}
