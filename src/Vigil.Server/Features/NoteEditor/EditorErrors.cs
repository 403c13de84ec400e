using Microsoft.AspNetCore.Http.HttpResults;
using Vigil.Domain.Validation;

namespace Vigil.Server.Features.NoteEditor;

/// <summary>
/// A refusal of the shared note code placed on a form: each error at the input its pointer came from (through
/// <paramref name="nameOf"/>) or in the summary only, and the status the page answers with.
/// </summary>
public sealed class EditorErrors
{
    public sealed record Placed(string? Name, FieldError Error);

    public static readonly EditorErrors None = new([], StatusCodes.Status200OK);

    private EditorErrors(IReadOnlyList<Placed> all, int status)
    {
        All = all;
        Status = status;
    }

    public IReadOnlyList<Placed> All { get; }

    public int Status { get; }

    public int Count => All.Count;

    public bool HasAt(string name) => All.Any(e => e.Name == name);

    public IEnumerable<FieldError> At(string name) => All.Where(e => e.Name == name).Select(e => e.Error);

    /// <summary>The problem's field errors (or its detail, when it names no field), placed.</summary>
    public static EditorErrors From(ProblemHttpResult problem, Func<string, string?> nameOf)
    {
        var details = problem.ProblemDetails;
        var errors = details.Extensions.TryGetValue("errors", out var listed) && listed is IEnumerable<Dictionary<string, string>> items
            ? items.Where(e => e.ContainsKey("pointer")).Select(e => new FieldError(e["pointer"], e["detail"])).ToList()
            : [];
        if (errors.Count == 0)
        {
            errors.Add(new FieldError("", details.Detail ?? details.Title ?? ""));
        }
        return new EditorErrors([.. errors.Select(e => new Placed(nameOf(e.Pointer), e))], details.Status ?? StatusCodes.Status422UnprocessableEntity);
    }
}
