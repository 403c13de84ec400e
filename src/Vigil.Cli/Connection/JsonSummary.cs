using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigil.Cli.Connection;

/// <summary>
/// The short forms commands print instead of the server's JSON: a table of chosen fields for a list (a JSON array,
/// or an object whose <c>items</c> is one), and one <c>field: value</c> line each for an object.
/// </summary>
public static class JsonSummary
{
    /// <summary>One line per row with <paramref name="columns"/> (JSON names; a dotted name reads into an object), then a count.</summary>
    public static Func<JsonNode, TextWriter, Task> Table(params string[] columns) => async (answer, output) =>
    {
        var rows = answer as JsonArray ?? answer["items"] as JsonArray ?? [];
        foreach (var row in rows)
        {
            await output.WriteLineAsync(string.Join("  ", columns.Select(c => Text(Read(row, c)))));
        }
        await output.WriteLineAsync(rows.Count == 1 ? "(1 item)" : $"({rows.Count} items)");
        if (answer["next_cursor"]?.GetValue<string>() is { } cursor)
        {
            await output.WriteLineAsync($"more: --cursor {cursor}");
        }
    };

    /// <summary>One line per member of the answer, in the server's order; nested values as compact JSON.</summary>
    public static async Task FieldsAsync(JsonNode answer, TextWriter output)
    {
        if (answer is not JsonObject fields)
        {
            await output.WriteLineAsync(Text(answer));
            return;
        }
        foreach (var (name, value) in fields)
        {
            await output.WriteLineAsync($"{name}: {Text(value)}");
        }
    }

    private static JsonNode? Read(JsonNode? row, string column)
    {
        foreach (var part in column.Split('.'))
        {
            row = row?[part];
        }
        return row;
    }

    private static string Text(JsonNode? value) => value switch
    {
        null => "-",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => CliJson.Write(value),
    };
}
