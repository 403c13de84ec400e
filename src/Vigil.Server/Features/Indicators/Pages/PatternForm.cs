using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigil.Server.Features.Indicators.Pages;

/// <summary>
/// The add-patterns form: patterns one a line (or, after a refusal, one box each, so each error stands beside its
/// pattern), with a name and a description given to each, made into the body of POST .../indicators.
/// </summary>
public sealed record PatternForm(IReadOnlyList<string> Patterns, string? Name, string? Description)
{
    public static PatternForm Empty { get; } = new([], null, null);

    public static PatternForm Posted(IFormCollection form)
    {
        var boxes = form["pattern"].Select(p => (p ?? "").Trim()).Where(p => p.Length > 0);
        var lines = CollectionMessages.Lines(form["patterns"].ToString());
        return new([.. boxes, .. lines], Text(form, "pattern_name"), Text(form, "pattern_description"));
    }

    public JsonElement Body()
    {
        var body = new JsonObject();
        if (Patterns.Count > 0)
        {
            body["indicators"] = new JsonArray([.. Patterns.Select(p =>
            {
                var indicator = new JsonObject { ["pattern"] = p };
                if (Name is not null) { indicator["name"] = Name; }
                if (Description is not null) { indicator["description"] = Description; }
                return (JsonNode)indicator;
            })]);
        }
        return JsonSerializer.SerializeToElement(body);
    }

    /// <summary>The box an error belongs beside: the pattern's own box for its pattern, the shared boxes for the rest.</summary>
    public static string BoxOf(string pointer) => pointer.Split('/', StringSplitOptions.RemoveEmptyEntries) switch
    {
        ["indicators", var index, "pattern"] => "pattern-" + index,
        ["indicators", _, "name"] => "pattern-name",
        ["indicators", _, "description"] => "pattern-description",
        _ => "patterns",
    };

    private static string? Text(IFormCollection form, string name) => form[name].ToString().Trim() is { Length: > 0 } value ? value : null;
}
