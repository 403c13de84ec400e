using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Vigil.Domain.Validation;
using Vigil.Server.Infrastructure.Web;

namespace Vigil.Server.Features.Indicators.Pages;

/// <summary>
/// The problem the API's code answered with, as a page shows it: its status, and each error it names (by JSON
/// pointer, or by query parameter) as a <see cref="FieldError"/>, so the page puts it beside the input it came from.
/// </summary>
public sealed record PageProblem(int Status, string Type, IReadOnlyList<FieldError> Errors)
{
    public static PageProblem Of(ProblemHttpResult problem)
    {
        var details = problem.ProblemDetails;
        var errors = new List<FieldError>();
        if (details.Extensions.TryGetValue("errors", out var listed) && listed is IEnumerable<Dictionary<string, string>> items)
        {
            foreach (var item in items)
            {
                var where = item.TryGetValue("pointer", out var pointer) ? pointer : item.TryGetValue("parameter", out var parameter) ? "/" + parameter : "";
                errors.Add(new FieldError(where, item.GetValueOrDefault("detail") ?? details.Detail ?? ""));
            }
        }
        if (errors.Count == 0)
        {
            errors.Add(new FieldError("", details.Detail ?? details.Title ?? ""));
        }
        return new PageProblem(details.Status ?? StatusCodes.Status422UnprocessableEntity, details.Type ?? "", errors);
    }
}

/// <summary>The errors of one form, each placed beside a box (by the box's id) and listed at the top, said in the reader's language.</summary>
public sealed class FormErrors
{
    private readonly List<(string Box, string? Label, string Text, bool Translated)> _all = [];

    public bool Any => _all.Count > 0;

    /// <summary>Every error with its box and, for the summary, the label of that box when it is worth naming.</summary>
    public IReadOnlyList<(string Box, string? Label, string Text, bool Translated)> All => _all;

    public IEnumerable<(string Text, bool Translated)> At(string box) => _all.Where(e => e.Box == box).Select(e => (e.Text, e.Translated));

    public bool Invalid(string box) => _all.Any(e => e.Box == box);

    public void Add(string box, (string Text, bool Translated) said, string? label = null) => _all.Add((box, label, said.Text, said.Translated));

    /// <summary>Places each error with <paramref name="boxOf"/> (its pointer to a box id), said by <paramref name="say"/>, the summary naming the box by <paramref name="labelOf"/>.</summary>
    public void AddAll(IEnumerable<FieldError> errors, Func<string, string> boxOf, Func<FieldError, (string, bool)> say, Func<string, string?>? labelOf = null)
    {
        foreach (var error in errors)
        {
            var box = boxOf(error.Pointer);
            Add(box, say(error), labelOf?.Invoke(box));
        }
    }
}

/// <summary>
/// The sentences of the collections' readers said in the reader's language: a pattern that does not parse (the
/// parser's own words about where it stops are kept as written), a name already taken, a label that would widen the
/// audience; everything else as <see cref="ValidationMessages"/> says it.
/// </summary>
public static class CollectionMessages
{
    public static (string Text, bool Translated) Say(FieldError error, IStringLocalizer<CollectionPagesText> text, IStringLocalizer<ValidationText> validation)
    {
        const string pattern = "is not a STIX pattern: ";
        if (error.Detail.StartsWith(pattern, StringComparison.Ordinal))
        {
            return (text["NotAPattern", error.Detail[pattern.Length..]], true);
        }
        if (error.Detail.StartsWith("a collection named '", StringComparison.Ordinal) && error.Detail.EndsWith("' already exists", StringComparison.Ordinal))
        {
            return (text["NameTaken"], true);
        }
        if (Regex.Match(error.Detail, @"^is marked TLP:(\S+), more restrictive than the collection's TLP:(\S+)$") is { Success: true } marked)
        {
            return (text["ErrMarkedNarrower", marked.Groups[1].Value, marked.Groups[2].Value], true);
        }
        if (Regex.Match(error.Detail, @"^must be (\S+) or more restrictive: held back by ") is { Success: true } held)
        {
            return (text["HeldBack", held.Groups[1].Value], true);
        }
        if (Regex.Match(error.Detail, @"^must be (\S+) or less restrictive: a release lowers") is { Success: true } release)
        {
            return (text["ReleaseNotLower", release.Groups[1].Value], true);
        }
        if (error.Detail.StartsWith("is required when lower_markings is true", StringComparison.Ordinal))
        {
            return (text["ReasonRequired"], true);
        }
        if (error.Detail.Contains("is not a known TLP 2.0 label", StringComparison.Ordinal))
        {
            return (text["NotALabel"], true);
        }
        return ValidationMessages.Say(error, validation);
    }

    /// <summary>The lines of a box that takes one item a line, without blank ones.</summary>
    public static List<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n').Select(l => l.TrimEnd('\r').Trim()).Where(l => l.Length > 0)];

    /// <summary>A JSON body built from a page's form, read by the API's own strict readers.</summary>
    public static JsonElement Body(System.Text.Json.Nodes.JsonObject body) => JsonSerializer.SerializeToElement(body);
}
