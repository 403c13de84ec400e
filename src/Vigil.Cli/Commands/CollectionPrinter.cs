using System.Text.Json.Nodes;

namespace Vigil.Cli.Commands;

/// <summary>The summaries `vigil collection` prints instead of the server's JSON.</summary>
public static class CollectionPrinter
{
    public static async Task PrintCollectionAsync(JsonNode collection, TextWriter output)
    {
        await output.WriteLineAsync($"Collection {collection["id"]}  TLP:{collection["tlp"]}  {collection["name"]}  ({Count(collection["indicators"])})");
        if (collection["description"]?.GetValue<string>() is { } description)
        {
            await output.WriteLineAsync("  " + description);
        }
        if (collection["malware"] is JsonArray { Count: > 0 } malware)
        {
            await output.WriteLineAsync("  malware: " + string.Join(", ", malware.Select(m => m!.GetValue<string>())));
        }
        if (collection["incident_ids"] is JsonArray { Count: > 0 } incidents)
        {
            await output.WriteLineAsync("  incidents: " + string.Join(", ", incidents.Select(i => i!.GetValue<string>())));
        }
    }

    /// <summary>The collection, then one line per indicator: its id, the label it is shared under, its pattern.</summary>
    public static async Task PrintDetailAsync(JsonNode detail, TextWriter output)
    {
        await PrintCollectionAsync(detail["collection"]!, output);
        if (detail["withheld"]?.GetValue<int>() is > 0 and var withheld)
        {
            await output.WriteLineAsync($"  withheld from the collection's audience: {withheld}");
        }
        foreach (var indicator in detail["indicators"]?.AsArray() ?? [])
        {
            await output.WriteLineAsync($"{indicator!["id"]}  TLP:{indicator["tlp"]}  {indicator["pattern"]}");
        }
    }

    public static async Task PrintAddedAsync(JsonNode answer, TextWriter output)
    {
        await output.WriteLineAsync($"Added {Count(answer["added"])}, {answer["already_present"]} already present.");
        await PrintCollectionAsync(answer["collection"]!, output);
    }

    private static string Count(JsonNode? indicators) => indicators?.GetValue<int>() == 1 ? "1 indicator" : $"{indicators} indicators";
}
