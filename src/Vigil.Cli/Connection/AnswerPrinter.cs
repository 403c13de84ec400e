using System.Text.Json.Nodes;

namespace Vigil.Cli.Connection;

/// <summary>Turns a server's answer into an exit code and, on failure, a readable account of every problem.</summary>
public static class AnswerPrinter
{
    public static async Task<int> PrintFailureAsync(ApiAnswer answer, CliOutput io)
    {
        var problem = TryParse(answer.Body);
        await io.Error.WriteLineAsync($"Rejected ({answer.Status}): {problem?["title"]?.GetValue<string>() ?? "the server refused the request"}");
        if (problem?["detail"]?.GetValue<string>() is { } detail)
        {
            await io.Error.WriteLineAsync("  " + detail);
        }
        foreach (var error in problem?["errors"]?.AsArray() ?? [])
        {
            var where = error?["pointer"] ?? error?["parameter"] ?? error?["header"];
            // A CSAF validation problem also names the failed test (6.1.7, schema) before the pointer.
            var test = error?["test"]?.GetValue<string>() is { } number ? number + " " : "";
            await io.Error.WriteLineAsync($"  {test}{where?.GetValue<string>() ?? "?"}: {error?["detail"]?.GetValue<string>()}");
        }
        return answer.Status >= 500 ? ExitCodes.Unavailable : ExitCodes.Rejected;
    }

    public static JsonNode? TryParse(string body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
