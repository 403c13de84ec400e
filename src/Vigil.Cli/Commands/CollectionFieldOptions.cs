using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.Json.Nodes;

namespace Vigil.Cli.Commands;

/// <summary>
/// A collection's fields as options, shared by `collection create` and `collection update`: only the options given go
/// into the body, so an update changes only them; an empty --description clears it.
/// </summary>
public sealed class CollectionFieldOptions
{
    private readonly Option<string?> _name = new("--name") { Description = "The collection's name (required to create)." };
    private readonly Option<string?> _tlp = new("--tlp") { Description = "Its TLP label: CLEAR, GREEN, AMBER, AMBER+STRICT or RED (required to create)." };
    private readonly Option<string?> _description = new("--description") { Description = "What it holds; \"\" clears it." };
    private readonly Option<string[]> _malware = new("--malware") { Description = "A malware name (repeatable; the whole list, replacing the previous one)." };
    private readonly Option<string[]> _incidents = new("--incident") { Description = "An incident it draws on (repeatable; the whole list)." };

    public Command AddTo(Command command)
    {
        foreach (var option in new Option[] { _name, _tlp, _description, _malware, _incidents })
        {
            command.Options.Add(option);
        }
        return command;
    }

    /// <summary>Whether any field is given at all (an update with none would change nothing).</summary>
    public bool AnyGiven(CommandResult result) =>
        new Option[] { _name, _tlp, _description, _malware, _incidents }.Any(option => result.GetResult(option) is not null);

    /// <summary>The JSON body with the fields given on the command line.</summary>
    public JsonObject Body(ParseResult parsed)
    {
        var body = new JsonObject();
        if (parsed.GetValue(_name) is { } name) { body["name"] = name; }
        if (parsed.GetValue(_tlp) is { } tlp) { body["tlp"] = tlp; }
        if (parsed.GetResult(_description) is not null)
        {
            body["description"] = parsed.GetValue(_description) is { Length: > 0 } description ? description : null;
        }
        if (parsed.GetResult(_malware) is not null) { body["malware"] = Array(parsed.GetValue(_malware)); }
        if (parsed.GetResult(_incidents) is not null) { body["incident_ids"] = Array(parsed.GetValue(_incidents)); }
        return body;
    }

    private static JsonArray Array(string[]? values) => new([.. (values ?? []).Select(v => (JsonNode)v)]);
}
