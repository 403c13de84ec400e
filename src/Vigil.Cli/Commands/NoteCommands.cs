using System.CommandLine;
using System.Text.Json.Nodes;
using Vigil.Cli.Connection;

namespace Vigil.Cli.Commands;

/// <summary>
/// `vigil note create|edit|publish|revise|withdraw|show|list`: an analyst's vulnerability notes, through the server's API.
/// Every publication, revision and withdrawal is recorded in the transparency log; its receipt comes back with --json.
/// </summary>
public static class NoteCommands
{
    public static Command Create(CliOutput io)
    {
        var server = new Option<string?>("--server") { Description = ConnectionSettings.ServerOptionHelp, Recursive = true };
        var token = new Option<string?>("--token") { Description = "An API token (else VIGIL_TOKEN or the config file).", Recursive = true };
        var json = new Option<bool>("--json") { Description = "Print the server's JSON answer instead of a summary.", Recursive = true };
        var note = new Command("note", "Write, publish, revise and withdraw vulnerability notes.") { server, token, json };

        Task<int> Call(ParseResult parsed, Func<VigilApiClient, Task<ApiAnswer?>> call, Func<JsonNode, TextWriter, Task> print) =>
            ServerCall.RunAsync(io, parsed.GetValue(server), parsed.GetValue(token), call, parsed.GetValue(json), print);

        var file = new Argument<FileInfo>("FILE") { Description = "The note as JSON (see docs/api.md)." };
        var create = new Command("create", "Create a draft note.\nExample: vigil note create note.json") { file };
        create.SetAction((parsed, ct) => Call(parsed, async client =>
            await ServerCall.ReadFileAsync(parsed.GetValue(file)!, io) is { } body ? await client.PostJsonAsync("/api/v1/notes", body, null, ct) : null, PrintNoteAsync));

        var id = new Argument<string>("ID") { Description = "The note's id, e.g. VIGN-2019-0080." };
        var editFile = new Argument<FileInfo>("FILE") { Description = "The whole draft, replacing the previous one." };
        var edit = new Command("edit", "Replace a draft note.\nExample: vigil note edit NOTE-ID note.json") { id, editFile };
        edit.SetAction((parsed, ct) => Call(parsed, async client =>
            await ServerCall.ReadFileAsync(parsed.GetValue(editFile)!, io) is { } body ? await client.PutJsonAsync(Path(parsed.GetValue(id)!), body, ct) : null, PrintNoteAsync));

        var summary = new Option<string?>("--summary") { Description = "What this revision changed (required for revise)." };
        var publish = new Command("publish", "Publish a draft as version 1.0.0.\nExample: vigil note publish NOTE-ID") { id, summary };
        publish.SetAction((parsed, ct) => Call(parsed, client => Post(client, Path(parsed.GetValue(id)!) + "/publication",
            parsed.GetValue(summary) is { } s ? new JsonObject { ["summary"] = s } : [], ct), PrintRecordedAsync));

        var significance = new Option<string>("--significance") { Description = "major, minor or patch (CSAF's version rules).", DefaultValueFactory = _ => "minor" };
        var reviseFile = new Argument<FileInfo>("FILE") { Description = "The whole note as it now reads." };
        var revise = new Command("revise", "Publish a new revision of a published note.\nExample: vigil note revise NOTE-ID note.json --summary \"Fixed versions added\"") { id, reviseFile, summary, significance };
        revise.SetAction((parsed, ct) => Call(parsed, async client =>
        {
            var body = await ServerCall.ReadFileAsync(parsed.GetValue(reviseFile)!, io);
            if (body is null || AnswerPrinter.TryParse(body) is not JsonObject content)
            {
                await io.Error.WriteLineAsync(body is null ? "" : "The note file is not a JSON object.");
                return null;
            }
            return await Post(client, Path(parsed.GetValue(id)!) + "/revisions",
                new JsonObject { ["summary"] = parsed.GetValue(summary), ["significance"] = parsed.GetValue(significance), ["note"] = content }, ct);
        }, PrintRecordedAsync));

        var reason = new Option<string>("--reason") { Description = "Why the note is withdrawn; it stays readable with its history.", Required = true };
        var withdraw = new Command("withdraw", "Withdraw a published note (a revision that says so).\nExample: vigil note withdraw NOTE-ID --reason \"Superseded\"") { id, reason };
        withdraw.SetAction((parsed, ct) => Call(parsed, client => Post(client, Path(parsed.GetValue(id)!) + "/withdrawal",
            new JsonObject { ["reason"] = parsed.GetValue(reason) }, ct), PrintRecordedAsync));

        var history = new Option<bool>("--history") { Description = "Every revision, in order." };
        var revision = new Option<int?>("--revision") { Description = "One revision (its number in the history), with the note as it then read." };
        var show = new Command("show", "A note as it stands, its history, or one revision.\nExample: vigil note show NOTE-ID --history") { id, history, revision };
        show.Validators.Add(result =>
        {
            if (result.GetValue(history) && result.GetValue(revision) is not null)
            {
                result.AddError("Give --history or --revision, not both.");
            }
        });
        show.SetAction((parsed, ct) => Call(parsed, async client => await client.GetAsync(Path(parsed.GetValue(id)!)
                + (parsed.GetValue(revision) is { } number ? $"/revisions/{number}" : parsed.GetValue(history) ? "/history" : ""), ct),
            parsed.GetValue(revision) is not null ? JsonSummary.FieldsAsync : parsed.GetValue(history) ? PrintHistoryAsync : PrintNoteAsync));

        var list = new Command("list", "The notes you may read, newest first.\nExample: vigil note list");
        list.SetAction((parsed, ct) => Call(parsed, async client => await client.GetAsync("/api/v1/notes", ct),
            JsonSummary.Table("id", "status", "version", "tlp", "title")));

        foreach (var command in new[] { create, edit, publish, revise, withdraw, show, list })
        {
            note.Subcommands.Add(command);
        }
        return note;
    }

    private static string Path(string id) => "/api/v1/notes/" + Uri.EscapeDataString(id);

    private static async Task<ApiAnswer?> Post(VigilApiClient client, string path, JsonObject body, CancellationToken cancellationToken) =>
        await client.PostJsonAsync(path, body.ToJsonString(), null, cancellationToken);

    private static async Task PrintNoteAsync(JsonNode note, TextWriter output)
    {
        await output.WriteLineAsync($"Note {note["id"]}  [{note["status"]}]  version {note["version"]?.ToString() ?? "-"}  TLP:{note["tlp"]}");
        await output.WriteLineAsync($"  {note["title"]}");
        foreach (var score in note["scores"]?.AsArray() ?? [])
        {
            await output.WriteLineAsync($"  CVSS {score!["version"]}: {score["score"]} {score["severity"]}  {score["vector"]}");
        }
        if (note["links"]?["csaf"] is { } csaf)
        {
            await output.WriteLineAsync($"  CSAF: {csaf}");
        }
    }

    private static async Task PrintRecordedAsync(JsonNode answer, TextWriter output)
    {
        await PrintNoteAsync(answer["note"]!, output);
        var revision = answer["revision"]!;
        await output.WriteLineAsync($"  recorded: revision {revision["revision"]} ({revision["kind"]}, {revision["version"]}) as leaf {revision["leaf_index"]} of the log");
    }

    private static async Task PrintHistoryAsync(JsonNode history, TextWriter output)
    {
        await output.WriteLineAsync($"Note {history["id"]}  [{history["status"]}]");
        foreach (var revision in history["revisions"]!.AsArray())
        {
            await output.WriteLineAsync($"#{revision!["revision"]} {revision["kind"]} {revision["version"]} at {revision["received_at"]}: {revision["summary"]}");
        }
    }
}
