using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;
using Vigil.Domain.Validation;
using Vigil.Server.Features.Incidents;

namespace Vigil.Server.Features.Triage;

/// <summary>
/// What each staff form on the incident page shares: the form made into the API's body and run through the API's own
/// code, then either the browser sent on (303, so a reload does not post again) or the problems the API would answer
/// with kept for the form to show beside its fields, with the API's status.
/// </summary>
public abstract class StaffForm : ComponentBase
{
    [CascadingParameter] protected HttpContext Http { get; set; } = null!;

    [Inject] protected NavigationManager Navigation { get; set; } = null!;

    /// <summary>The incident as the page read it.</summary>
    [Parameter, EditorRequired] public IncidentResponse Incident { get; set; } = null!;

    /// <summary>The problems of this form's last post (empty when it was not posted or went through).</summary>
    protected IReadOnlyList<FieldError> Errors { get; private set; } = [];

    protected string Typed(string name) => Errors.Count > 0 ? Http.Request.Form[name].ToString() : "";

    protected static JsonElement Body(JsonObject body) => JsonSerializer.SerializeToElement(body);

    /// <summary>Goes on to the incident page (at <paramref name="anchor"/>) when the API's code accepted; otherwise keeps its problems and status.</summary>
    protected void Settle(IResult result, string done, string anchor)
    {
        if (result is ProblemHttpResult problem)
        {
            Errors = ErrorsOf(problem);
            Http.Response.StatusCode = problem.StatusCode;
            return;
        }
        Navigation.NavigateTo($"/incidents/{Uri.EscapeDataString(Incident.Id)}?done={done}#{anchor}");
    }

    /// <summary>Refuses the post as the API would refuse the caller (403), naming nothing written.</summary>
    protected void Refuse(string detail) => Fail(new FieldError("", detail), StatusCodes.Status403Forbidden);

    /// <summary>Refuses the post with one problem found before the API's code was reached.</summary>
    protected void Fail(FieldError error, int status)
    {
        Errors = [error];
        Http.Response.StatusCode = status;
    }

    protected IReadOnlyList<FieldError> ErrorsAt(string pointer) =>
        [.. Errors.Where(e => e.Pointer == pointer || e.Pointer.StartsWith(pointer + "/", StringComparison.Ordinal))];

    protected string? Invalid(string pointer) => ErrorsAt(pointer).Count > 0 ? "true" : null;

    protected string DescribedBy(string id, string pointer, string? hint = null) =>
        string.Join(" ", new[] { hint, ErrorsAt(pointer).Count > 0 ? id + "-error" : null }.Where(s => s is not null));

    /// <summary>The problem's errors (pointer and detail), or its detail as one error about the whole form.</summary>
    public static IReadOnlyList<FieldError> ErrorsOf(ProblemHttpResult problem)
    {
        if (problem.ProblemDetails.Extensions.TryGetValue("errors", out var listed) && listed is IEnumerable<Dictionary<string, string>> errors)
        {
            var found = errors.Select(e => new FieldError(e.GetValueOrDefault("pointer") ?? "", e.GetValueOrDefault("detail") ?? "")).ToList();
            if (found.Count > 0)
            {
                return found;
            }
        }
        return [new FieldError("", problem.ProblemDetails.Detail ?? problem.ProblemDetails.Title ?? "")];
    }
}
