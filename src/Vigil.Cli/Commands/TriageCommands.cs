using System.CommandLine;
using System.Text.Json.Nodes;
using Vigil.Cli.Connection;

namespace Vigil.Cli.Commands;

/// <summary>
/// `vigil triage status|assign|request`: an analyst moves an incident through triage. Each is a submission on the
/// incident's record, with its leaf in the log, as on the incident's page.
/// </summary>
public static class TriageCommands
{
    public static Command Create(CliOutput io)
    {
        var group = new RemoteGroup("triage", "Move incidents through triage: status, assignment, requests for information.", io);
        var id = new Argument<string>("ID") { Description = "The incident's id." };
        var reason = new Option<string?>("--reason") { Description = "Why (kept on the record)." };
        string IncidentPath(ParseResult parsed) => $"/api/v1/incidents/{RemoteGroup.Segment(parsed.GetValue(id)!)}";

        var status = new Argument<string>("STATUS") { Description = "The new status: received, triaged, in_analysis, awaiting_information, mitigated or closed." };
        group.Add(new Command("status", "Change an incident's status.\nExample: vigil triage status INCIDENT-ID in_analysis --reason \"confirmed\"") { id, status, reason },
            (parsed, client, ct) => Post(client, IncidentPath(parsed) + "/status", WithReason(new JsonObject { ["status"] = parsed.GetValue(status) }, parsed.GetValue(reason)), ct),
            IncidentPrinter.PrintAcceptedAsync);

        var assignee = new Argument<string?>("USER-ID") { Description = "The analyst to assign; leave out with --none.", Arity = ArgumentArity.ZeroOrOne };
        var none = new Option<bool>("--none") { Description = "Leave the incident unassigned." };
        var assign = new Command("assign", "Assign an incident to an analyst, or to no one.\nExample: vigil triage assign INCIDENT-ID USER-ID") { id, assignee, none, reason };
        assign.Validators.Add(result =>
        {
            if (result.GetValue(assignee) is null != result.GetValue(none))
            {
                result.AddError("Name the analyst to assign, or give --none to leave it unassigned (not both).");
            }
        });
        group.Add(assign, (parsed, client, ct) => Post(client, IncidentPath(parsed) + "/assignment",
            WithReason(new JsonObject { ["assignee_id"] = parsed.GetValue(assignee) }, parsed.GetValue(reason)), ct), IncidentPrinter.PrintAcceptedAsync);

        var question = new Option<string>("--question") { Description = "What the organisation is asked.", Required = true };
        var due = new Option<DateTimeOffset>("--due") { Description = "When the answer is due (ISO 8601 with offset).", Required = true };
        var fields = new Option<string[]>("--field") { Description = "A report field the answer should fill (repeatable).", AllowMultipleArgumentsPerToken = false };
        group.Add(new Command("request", "Ask the reporting organisation for information, with a due time.\n"
            + "Example: vigil triage request INCIDENT-ID --question \"How many users?\" --due 2026-12-06T12:00:00+05:30 --field affected_users") { id, question, due, fields },
            (parsed, client, ct) =>
            {
                var body = new JsonObject { ["question"] = parsed.GetValue(question), ["due_at"] = Vigil.Domain.Record.SubmissionCommitment.FormatTime(parsed.GetValue(due)) };
                if (parsed.GetValue(fields) is { Length: > 0 } wanted)
                {
                    body["wanted_fields"] = new JsonArray([.. wanted.Select(f => (JsonNode)f)]);
                }
                return Post(client, IncidentPath(parsed) + "/requests", body, ct);
            }, PrintRequestAsync);
        return group.Command;
    }

    private static async Task PrintRequestAsync(JsonNode answer, TextWriter output)
    {
        var request = answer["request"]!;
        var due = request["due_at"]!.GetValue<DateTimeOffset>().UtcDateTime;
        await output.WriteLineAsync(FormattableString.Invariant(
            $"Request {request["id"]} on incident {answer["submission"]!["incident_id"]}, due {due:yyyy-MM-dd HH:mm} UTC: {request["question"]}"));
        if (request["wanted_fields"] is JsonArray { Count: > 0 } wanted)
        {
            await output.WriteLineAsync("  asks for: " + string.Join(", ", wanted.Select(f => f!.GetValue<string>())));
        }
        await output.WriteLineAsync($"  on the record as leaf {answer["receipt"]!["leaf_index"]}");
    }

    /// <summary>A reason is sent only when given: the server takes a missing one, not a null.</summary>
    private static JsonObject WithReason(JsonObject body, string? reason)
    {
        if (reason is not null)
        {
            body["reason"] = reason;
        }
        return body;
    }

    private static Task<ApiAnswer?> Post(VigilApiClient client, string path, JsonObject body, CancellationToken cancellationToken) =>
        client.PostJsonAsync(path, body.ToJsonString(), null, cancellationToken)!;
}
