using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Vigil.Server.Infrastructure.Http;

/// <summary>
/// Marks an endpoint whose answer carries a secret shown only once: an API token, a password-reset code, a second
/// factor's shared secret. Nothing may keep a copy of such an answer; the <see cref="IdempotencyFilter"/> stores only
/// which resource the request created, and a retry gets a 409 naming it instead of the secret again.
/// </summary>
public sealed class SecretInAnswer(Func<object?, string?> resource)
{
    public const string ProblemType = "urn:vigil:problem:secret-shown-once";

    /// <summary>Where the thing the answer created can be found or revoked; never the secret.</summary>
    public string? ResourceOf(object? answer) => resource(answer);

    public static ProblemHttpResult Replayed(string? resource)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Type = ProblemType,
            Title = "The answer carried a secret shown only once",
            Detail = $"This request was carried out already{(resource is null ? "" : $" and created {resource}")}. Its answer held a secret "
                + "that is shown once and kept nowhere, so it cannot be sent again. If it was lost, revoke what was created and ask anew.",
        };
        if (resource is not null)
        {
            problem.Extensions["resource"] = resource;
        }
        return TypedResults.Problem(problem);
    }
}

public static class SecretInAnswerExtensions
{
    /// <summary>Declares that the answer carries a secret; <paramref name="resource"/> names what it created, without the secret.</summary>
    public static RouteHandlerBuilder ShowsSecretOnce<TAnswer>(this RouteHandlerBuilder builder, Func<TAnswer, string> resource) =>
        builder.WithMetadata(new SecretInAnswer(answer => answer is TAnswer typed ? resource(typed) : null));
}
