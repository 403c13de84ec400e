using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Vigil.Domain.Validation;

namespace Vigil.Server.Infrastructure.Http;

/// <summary>RFC 9457 problem details for Vigil's own failures, each naming what was wrong and where.</summary>
public static class Problems
{
    public const string InvalidFieldsType = "urn:vigil:problem:invalid-fields";

    public static ProblemHttpResult InvalidFields(IEnumerable<FieldError> errors, int status = StatusCodes.Status422UnprocessableEntity, string? title = null) =>
        Create(status, InvalidFieldsType, title ?? "One or more fields are invalid",
            "See 'errors': each names a field by JSON Pointer (RFC 6901) and says what is wrong with it.",
            errors.Select(e => new Dictionary<string, string> { ["pointer"] = e.Pointer, ["detail"] = e.Detail }));

    public static ProblemHttpResult InvalidParameters(IEnumerable<(string Parameter, string Detail)> errors) =>
        Create(StatusCodes.Status400BadRequest, "urn:vigil:problem:invalid-parameters", "One or more query parameters are invalid",
            "See 'errors': each names a query parameter and says what is wrong with it.",
            errors.Select(e => new Dictionary<string, string> { ["parameter"] = e.Parameter, ["detail"] = e.Detail }));

    /// <param name="pointer">Where the body stops being JSON that can be read: the whole body ("") when it does not parse.</param>
    public static ProblemHttpResult MalformedJson(string detail, string pointer = "") =>
        Create(StatusCodes.Status400BadRequest, "urn:vigil:problem:malformed-json", "The body is not well-formed JSON", detail,
            [new Dictionary<string, string> { ["pointer"] = pointer, ["detail"] = detail }]);

    public static ProblemHttpResult BodyTooLarge(long limit) =>
        Create(StatusCodes.Status413PayloadTooLarge, "urn:vigil:problem:body-too-large", "The body is too large",
            $"A request body may be at most {limit} bytes.", null);

    public static ProblemHttpResult UnsupportedMediaType() =>
        Create(StatusCodes.Status415UnsupportedMediaType, "urn:vigil:problem:unsupported-media-type", "The body must be JSON",
            "Send the body with Content-Type: application/json.",
            [new Dictionary<string, string> { ["header"] = "Content-Type", ["detail"] = "must be application/json" }]);

    public static ProblemHttpResult NotFound(string what) =>
        Create(StatusCodes.Status404NotFound, "urn:vigil:problem:not-found", "Not found", $"There is no {what} here that you may see.", null);

    public static ProblemHttpResult Conflict(string type, string title, string detail, IEnumerable<FieldError>? errors = null) =>
        Create(StatusCodes.Status409Conflict, type, title, detail,
            errors?.Select(e => new Dictionary<string, string> { ["pointer"] = e.Pointer, ["detail"] = e.Detail }));

    public static ProblemHttpResult Create(int status, string type, string title, string detail, IEnumerable<Dictionary<string, string>>? errors)
    {
        var problem = new ProblemDetails { Status = status, Type = type, Title = title, Detail = detail };
        if (errors is not null)
        {
            problem.Extensions["errors"] = errors.ToList();
        }
        return TypedResults.Problem(problem);
    }
}
