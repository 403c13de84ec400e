using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Vigil.Domain.Validation;
using Vigil.Server.Infrastructure.Web;

namespace Vigil.Server.Features.Admin;

/// <summary>
/// What the administrator's forms share: the fields a form posted, made into the body the API's strict reader takes
/// (so that a page refuses exactly what the API refuses), and each refusal put beside its box and in the summary.
/// </summary>
public abstract class AdminForm : ComponentBase
{
    [CascadingParameter] protected HttpContext Http { get; set; } = null!;

    [Inject] protected IStringLocalizer<ValidationText> V { get; set; } = null!;

    private readonly Dictionary<string, List<string>> _errors = [];

    /// <summary>The summary at the top: the box each error belongs beside and what is wrong.</summary>
    protected List<(string Box, string Message)> Summary { get; } = [];

    /// <summary>What the posted form holds under <paramref name="name"/>, or null when empty (or not posted).</summary>
    protected string? Typed(string name) => HttpMethods.IsPost(Http.Request.Method) && Http.Request.HasFormContentType
        && Http.Request.Form[name].ToString() is { Length: > 0 } value ? value : null;

    /// <summary>What was typed, shown again only when the form was refused.</summary>
    protected string? Kept(string name) => Summary.Count > 0 ? Typed(name) : null;

    protected IReadOnlyList<string>? ErrorsOf(string box) => _errors.GetValueOrDefault(box);

    /// <summary>A body of the posted fields: each (member, field) pair, left out when the field is empty.</summary>
    protected JsonElement Body(params (string Member, string Field)[] members)
    {
        var body = new JsonObject();
        foreach (var (member, field) in members)
        {
            if (Typed(field) is { } value)
            {
                body[member] = value;
            }
        }
        return JsonSerializer.SerializeToElement(body);
    }

    /// <summary>Answers 422 (or <paramref name="status"/>) with each error beside the box its pointer names (<paramref name="prefix"/> + the pointer's last member).</summary>
    protected void Refuse(IEnumerable<FieldError> errors, string prefix, int status = StatusCodes.Status422UnprocessableEntity)
    {
        Http.Response.StatusCode = status;
        foreach (var error in errors)
        {
            var box = prefix + string.Join('-', error.Pointer.Split('/', StringSplitOptions.RemoveEmptyEntries));
            var said = ValidationMessages.Say(error, V).Text;
            (_errors.TryGetValue(box, out var list) ? list : _errors[box] = []).Add(said);
            Summary.Add((box, said));
        }
    }

    /// <summary>Answers <paramref name="status"/> with a refusal the page says itself, beside <paramref name="box"/>.</summary>
    protected void Refuse(string box, string message, int status)
    {
        Http.Response.StatusCode = status;
        (_errors.TryGetValue(box, out var list) ? list : _errors[box] = []).Add(message);
        Summary.Add((box, message));
    }
}
