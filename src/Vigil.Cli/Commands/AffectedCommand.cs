using System.CommandLine;
using System.Text.Json.Nodes;
using Vigil.Cli.Connection;

namespace Vigil.Cli.Commands;

/// <summary>
/// `vigil affected FILE`: sends a CycloneDX JSON SBOM (or a product list) to the server and prints each note that
/// affects it, which component, how it was matched, the affected range and the remediation.
/// </summary>
public static class AffectedCommand
{
    public static Command Create(CliOutput io)
    {
        var server = new Option<string?>("--server") { Description = ConnectionSettings.ServerOptionHelp };
        var token = new Option<string?>("--token") { Description = "An API token (else VIGIL_TOKEN or the config file); without one, only public (TLP:CLEAR) notes are checked." };
        var json = new Option<bool>("--json") { Description = "Print the server's JSON answer instead of a summary." };
        var failIfAffected = new Option<bool>("--fail-if-affected") { Description = "Exit 1 when any note affects the inventory (for build pipelines)." };
        var file = new Argument<FileInfo>("FILE") { Description = "A CycloneDX JSON SBOM (1.4 to 1.6), or {\"products\": [{\"vendor\", \"product\", \"version\"}]}." };
        var command = new Command("affected", "Which published notes affect the products in an SBOM or product list?\nExample: vigil affected sbom.cdx.json") { file, server, token, json, failIfAffected };
        command.SetAction(async (parsed, ct) =>
        {
            var affected = false;
            var code = await ServerCall.RunAsync(io, parsed.GetValue(server), parsed.GetValue(token),
                async client => await ServerCall.ReadFileAsync(parsed.GetValue(file)!, io) is { } body
                    ? await client.PostJsonAsync("/api/v1/affected", body, null, ct) : null,
                echoFailure: parsed.GetValue(json), answer =>
                {
                    var node = JsonNode.Parse(answer.Body)!;
                    affected = node["documents"]?.AsArray().Count > 0;
                    return parsed.GetValue(json) ? io.Out.WriteLineAsync(answer.Body) : PrintAsync(node, io.Out);
                });
            return code == ExitCodes.Ok && affected && parsed.GetValue(failIfAffected) ? ExitCodes.Rejected : code;
        });
        return command;
    }

    private static async Task PrintAsync(JsonNode answer, TextWriter output)
    {
        var documents = answer["documents"]!.AsArray();
        await output.WriteLineAsync($"Checked {answer["components_checked"]} components against {answer["documents_checked"]} notes: "
            + (documents.Count == 0 ? "none affects them." : $"{documents.Count} affect{(documents.Count == 1 ? "s" : "")} them."));
        foreach (var document in documents)
        {
            await output.WriteLineAsync();
            await output.WriteLineAsync($"{document!["id"]}  {document["title"]}  [{document["severity"]}, TLP:{document["tlp"]}, version {document["version"]}]");
            if (document["cve_ids"]!.AsArray().Count > 0)
            {
                await output.WriteLineAsync($"  {string.Join(", ", document["cve_ids"]!.AsArray())}");
            }
            foreach (var match in document["matches"]!.AsArray())
            {
                var component = match!["component"]!;
                var fixedIn = match["fixed_versions"]!.AsArray();
                await output.WriteLineAsync($"  [{match["method"]}, {match["basis"]}] ({component["pointer"]}) {match["reason"]}"
                    + (fixedIn.Count > 0 ? $" Fixed in {string.Join(", ", fixedIn)}." : ""));
            }
            await output.WriteLineAsync($"  Countermeasures: {document["remediation"]!["countermeasures"]}");
            if (document["remediation"]!["workarounds"] is { } workarounds)
            {
                await output.WriteLineAsync($"  Workarounds: {workarounds}");
            }
        }
    }
}
