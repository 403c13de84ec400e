using System.CommandLine;
using System.Text.Json.Nodes;
using Vigil.Cli.Connection;

namespace Vigil.Cli.Commands;

/// <summary>`vigil report submit|update|show`: file and follow up incident reports.</summary>
public static class ReportCommands
{
    public static Command Create(CliOutput io)
    {
        var server = new Option<string?>("--server") { Description = ConnectionSettings.ServerOptionHelp, Recursive = true };
        var token = new Option<string?>("--token") { Description = "An API token (else VIGIL_TOKEN or the config file).", Recursive = true };
        var json = new Option<bool>("--json") { Description = "Print the server's JSON answer instead of a summary.", Recursive = true };
        var key = new Option<string?>("--idempotency-key") { Description = "Make a retry of this exact submission safe across runs.", Recursive = true };
        var report = new Command("report", "File and follow up incident reports.") { server, token, json, key };

        var file = new Argument<FileInfo>("FILE") { Description = "The report as JSON (see docs/api.md)." };
        var receiptOut = new Option<FileInfo?>("--receipt-out")
        {
            Description = "Where to save the answer holding the receipt (default: beside FILE, report.json -> report.receipt.json); an existing file is never replaced.",
        };
        var submit = new Command("submit", "File a new incident report, save its receipt, and show the open deadlines.\nExample: vigil report submit report.json") { file, receiptOut };
        submit.SetAction((parsed, ct) =>
        {
            VigilApiClient? used = null;
            return ServerCall.RunAsync(io, parsed.GetValue(server), parsed.GetValue(token), async client =>
            {
                used = client;
                var body = await ServerCall.ReadFileAsync(parsed.GetValue(file)!, io);
                return body is null ? null : await client.PostJsonAsync("/api/v1/incidents", body, parsed.GetValue(key), ct);
            }, parsed.GetValue(json), async answer =>
            {
                var wanted = parsed.GetValue(receiptOut)?.FullName ?? SubmissionReceipt.DefaultPath(parsed.GetValue(file)!.FullName);
                var saved = await SubmissionReceipt.SaveAsync(wanted, answer.Body, ct);
                if (parsed.GetValue(json))
                {
                    // Standard output holds the answer alone; where it was saved goes beside the other messages.
                    await io.Out.WriteLineAsync(answer.Body);
                    await SubmissionReceipt.PrintSavedAsync(io.Error, wanted, saved);
                    return;
                }
                var accepted = JsonNode.Parse(answer.Body)!;
                await IncidentPrinter.PrintAcceptedAsync(accepted, io.Out);
                await SubmissionReceipt.PrintSavedAsync(io.Out, wanted, saved);
                var incident = Uri.EscapeDataString(accepted["incident"]!["id"]!.GetValue<string>());
                var compliance = await used!.GetAsync($"/api/v1/incidents/{incident}/compliance", ct);
                if (compliance.IsSuccess)
                {
                    await SubmissionReceipt.PrintDeadlinesAsync(JsonNode.Parse(compliance.Body)!, io.Out);
                }
                else
                {
                    await io.Out.WriteLineAsync($"  deadlines: the server did not say ({compliance.Status}); see `vigil report show {incident}`");
                }
            });
        });

        var id = new Argument<string>("ID") { Description = "The incident's id." };
        var updateFile = new Argument<FileInfo>("FILE") { Description = "The update as JSON: a narrative and the fields that changed." };
        var update = new Command("update", "Add a follow-up update to an incident.\nExample: vigil report update INCIDENT-ID update.json") { id, updateFile };
        update.SetAction((parsed, ct) => ServerCall.RunAsync(io, parsed.GetValue(server), parsed.GetValue(token), async client =>
        {
            var body = await ServerCall.ReadFileAsync(parsed.GetValue(updateFile)!, io);
            return body is null ? null : await client.PostJsonAsync($"/api/v1/incidents/{Uri.EscapeDataString(parsed.GetValue(id)!)}/updates", body, parsed.GetValue(key), ct);
        }, parsed.GetValue(json), IncidentPrinter.PrintAcceptedAsync));

        var history = new Option<bool>("--history") { Description = "Show every submission and what it changed." };
        var showId = new Argument<string>("ID") { Description = "The incident's id." };
        var show = new Command("show", "Show an incident as it stands, or its whole history.\nExample: vigil report show INCIDENT-ID") { showId, history };
        show.SetAction((parsed, ct) =>
        {
            var path = $"/api/v1/incidents/{Uri.EscapeDataString(parsed.GetValue(showId)!)}" + (parsed.GetValue(history) ? "/history" : "");
            return ServerCall.RunAsync(io, parsed.GetValue(server), parsed.GetValue(token), async client => await client.GetAsync(path, ct),
                parsed.GetValue(json), parsed.GetValue(history) ? IncidentPrinter.PrintHistoryAsync : IncidentPrinter.PrintIncidentAsync);
        });

        report.Subcommands.Add(submit);
        report.Subcommands.Add(update);
        report.Subcommands.Add(show);
        report.Subcommands.Add(List(io, server, token, json));
        var historyId = new Argument<string>("ID") { Description = "The incident's id." };
        var historyCommand = new Command("history", "Every submission of an incident and what it changed (the same as show --history).\nExample: vigil report history INCIDENT-ID") { historyId };
        historyCommand.SetAction((parsed, ct) => ServerCall.RunAsync(io, parsed.GetValue(server), parsed.GetValue(token),
            async client => await client.GetAsync($"/api/v1/incidents/{Uri.EscapeDataString(parsed.GetValue(historyId)!)}/history", ct),
            parsed.GetValue(json), IncidentPrinter.PrintHistoryAsync));
        report.Subcommands.Add(historyCommand);
        report.Subcommands.Add(Answer(io, server, token, json, key));
        return report;
    }

    /// <summary>`report list`: the incidents the caller may see, newest first, with the list's filters.</summary>
    private static Command List(CliOutput io, Option<string?> server, Option<string?> token, Option<bool> json)
    {
        string[] filters = ["status", "category", "organisation", "q", "received-from", "received-to", "detected-from", "detected-to", "cursor"];
        var options = filters.Select(f => new Option<string?>("--" + f) { Description = $"Only incidents matching {f} (as the API's `{f.Replace('-', '_')}`)." }).ToList();
        var limit = new Option<int?>("--limit") { Description = "At most this many (1 to 500)." };
        var list = new Command("list", "List incidents, newest first.\nExample: vigil report list --status received --limit 20") { limit };
        options.ForEach(list.Options.Add);
        list.SetAction((parsed, ct) =>
        {
            var query = options.Where(o => parsed.GetValue(o) is not null)
                .Select(o => $"{o.Name[2..].Replace('-', '_')}={Uri.EscapeDataString(parsed.GetValue(o)!)}").ToList();
            if (parsed.GetValue(limit) is { } most)
            {
                query.Add(FormattableString.Invariant($"limit={most}"));
            }
            var path = "/api/v1/incidents" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
            return ServerCall.RunAsync(io, parsed.GetValue(server), parsed.GetValue(token), async client => await client.GetAsync(path, ct),
                parsed.GetValue(json), JsonSummary.Table("id", "status", "tlp", "received_at", "title"));
        });
        return list;
    }

    /// <summary>`report answer`: a reporter's update that answers a request for information.</summary>
    private static Command Answer(CliOutput io, Option<string?> server, Option<string?> token, Option<bool> json, Option<string?> key)
    {
        var id = new Argument<string>("ID") { Description = "The incident's id." };
        var request = new Argument<int>("REQUEST") { Description = "The request's submission number on the incident." };
        var file = new Argument<FileInfo>("FILE") { Description = "The update as JSON: a narrative and the fields the request asked for." };
        var answer = new Command("answer", "Answer a request for information with an update that names it.\nExample: vigil report answer INCIDENT-ID 3 answer.json") { id, request, file };
        answer.SetAction((parsed, ct) => ServerCall.RunAsync(io, parsed.GetValue(server), parsed.GetValue(token), async client =>
        {
            var text = await ServerCall.ReadFileAsync(parsed.GetValue(file)!, io);
            if (text is null || AnswerPrinter.TryParse(text) is not JsonObject body)
            {
                await io.Error.WriteLineAsync(text is null ? "" : "The answer file is not a JSON object.");
                return null;
            }
            body["answers_request"] = parsed.GetValue(request);
            return await client.PostJsonAsync($"/api/v1/incidents/{Uri.EscapeDataString(parsed.GetValue(id)!)}/updates", body.ToJsonString(), parsed.GetValue(key), ct);
        }, parsed.GetValue(json), IncidentPrinter.PrintAcceptedAsync));
        return answer;
    }
}
