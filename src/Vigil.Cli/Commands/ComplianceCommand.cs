using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Vigil.Cli.Connection;

namespace Vigil.Cli.Commands;

/// <summary>
/// `vigil compliance [--org ID] [--regime ID] [--from T] [--to T] [--csv] [--json]`: timeliness and completeness per
/// organisation and regime, from the server. Exit codes as for `report`.
/// </summary>
public static class ComplianceCommand
{
    public static Command Create(CliOutput io)
    {
        var server = new Option<string?>("--server") { Description = ConnectionSettings.ServerOptionHelp };
        var token = new Option<string?>("--token") { Description = "An API token (else VIGIL_TOKEN or the config file)." };
        var org = new Option<string?>("--org") { Description = "Only this organisation (its id)." };
        var regime = new Option<string?>("--regime") { Description = "Only this regime (its id)." };
        var from = new Option<string?>("--from") { Description = "Incidents noticed at or after this time (ISO 8601 with offset)." };
        var to = new Option<string?>("--to") { Description = "Incidents noticed before this time." };
        var csv = new Option<bool>("--csv") { Description = "Print CSV, as the server gives it for Accept: text/csv." };
        var json = new Option<bool>("--json") { Description = "Print the server's JSON answer." };
        var command = new Command("compliance", "Timeliness and completeness per organisation and regime.\nExample: vigil compliance --regime in-cert-in-2022 --from 2026-01-01T00:00:00Z") { server, token, org, regime, from, to, csv, json };
        command.SetAction((parsed, cancellationToken) =>
        {
            var query = string.Join("&", new[] { ("org", parsed.GetValue(org)), ("regime", parsed.GetValue(regime)), ("from", parsed.GetValue(from)), ("to", parsed.GetValue(to)) }
                .Where(p => p.Item2 is not null).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
            var raw = parsed.GetValue(csv) || parsed.GetValue(json);
            return ServerCall.RunAsync(io, parsed.GetValue(server), parsed.GetValue(token),
                async client => await client.GetAsync("/api/v1/compliance" + (query.Length > 0 ? "?" + query : ""), cancellationToken,
                    parsed.GetValue(csv) ? "text/csv" : "application/json"),
                echoFailure: false,
                answer => io.Out.WriteAsync(raw ? answer.Body : Table(JsonNode.Parse(answer.Body)!)));
        });
        return command;
    }

    private static string Table(JsonNode report)
    {
        var rows = report["rows"]!.AsArray();
        if (rows.Count == 0)
        {
            return "No incidents under any regime for this selection.\n";
        }
        return string.Concat(rows.Select(r =>
            $"{r!["organisation"]} ({r["organisation_id"]}) under {r["regime"]}: {r["incidents"]} incidents, "
            + $"on time {Percent(r["on_time_rate"])} of {r["deadlines"]} deadlines, first report after {Hours(r["median_hours_to_first_report"])} (median) / "
            + $"{Hours(r["p90_hours_to_first_report"])} (p90), complete {Percent(r["completeness_at_first_report"])} at first report, "
            + $"{Percent(r["completeness_now"])} now; requests: {r["requests"]} ({r["requests_answered_late"]} late, {r["requests_overdue"]} overdue)\n"));
    }

    private static string Percent(JsonNode? rate) => rate is null ? "-" : (rate.GetValue<double>() * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Hours(JsonNode? hours) => hours is null ? "-" : hours.GetValue<double>().ToString("0.##", CultureInfo.InvariantCulture) + " h";
}
