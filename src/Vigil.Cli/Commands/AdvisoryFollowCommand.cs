using System.CommandLine;
using System.Text.Json.Nodes;
using Vigil.Cli.Connection;

namespace Vigil.Cli.Commands;

/// <summary>
/// `vigil advisory follow URL`: asks the server to follow a CSAF provider (its provider-metadata.json, or a domain or
/// base URL to find it from) and to run it now, then prints every document imported, refused (with the reason) or
/// skipped. Exits 0 when nothing was refused, 1 when something was (or the server refused the request).
/// </summary>
public static class AdvisoryFollowCommand
{
    private const string Providers = "/api/v1/advisories/providers";

    public static Command Create(CliOutput io, Option<string?> server, Option<string?> token)
    {
        var url = new Argument<string>("URL") { Description = "The provider's provider-metadata.json, or its domain or base URL." };
        var json = new Option<bool>("--json") { Description = "Print the server's JSON account of the run instead of a summary." };
        var follow = new Command("follow", "Follow another CSAF provider and import its documents now (analysts, admins).\nExample: vigil advisory follow https://psirt.example.com/.well-known/csaf/provider-metadata.json") { url, server, token, json };
        follow.SetAction(async (parsed, ct) =>
        {
            var refused = false;
            var asJson = parsed.GetValue(json);
            var code = await ServerCall.RunAsync(io, parsed.GetValue(server), parsed.GetValue(token), async client =>
            {
                var followed = await client.PostJsonAsync(Providers, new JsonObject { ["url"] = parsed.GetValue(url) }.ToJsonString(), null, ct);
                if (!followed.IsSuccess)
                {
                    return followed;
                }
                var id = JsonNode.Parse(followed.Body)!["id"]!.GetValue<long>();
                return await client.PostJsonAsync($"{Providers}/{id}/runs", "{}", null, ct);
            }, asJson, async answer =>
            {
                var run = JsonNode.Parse(answer.Body)!;
                refused = run["run"]!["refused"]!.GetValue<int>() > 0;
                await (asJson ? io.Out.WriteLineAsync(answer.Body) : PrintAsync(run, io.Out));
            });
            return code == ExitCodes.Ok && refused ? ExitCodes.Rejected : code;
        });
        return follow;
    }

    private static async Task PrintAsync(JsonNode answer, TextWriter output)
    {
        var run = answer["run"]!;
        await output.WriteLineAsync($"provider {answer["provider_id"]}: {answer["provider_url"]}");
        await output.WriteLineAsync($"run {run["id"]}: {run["imported"]} imported, {run["unchanged"]} unchanged, {run["refused"]} refused, {run["skipped"]} skipped");
        foreach (var entry in answer["entries"]!.AsArray())
        {
            var outcome = entry!["outcome"]!.GetValue<string>();
            var advisory = entry["advisory_id"] is { } id ? $" (advisory {id})" : "";
            var reason = entry["reason"]?.GetValue<string>() is { } text ? ": " + text : "";
            await output.WriteLineAsync($"  {outcome,-8} {entry["url"]}{advisory}{reason}");
        }
    }
}
