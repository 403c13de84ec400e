using System.Text.Json.Nodes;

namespace Vigil.Cli.Commands;

/// <summary>Human-readable summaries of the server's answers about incidents.</summary>
public static class IncidentPrinter
{
    public static async Task PrintAcceptedAsync(JsonNode answer, TextWriter output)
    {
        var submission = answer["submission"]!;
        await output.WriteLineAsync($"Incident {submission["incident_id"]}: submission {submission["sequence"]} ({submission["kind"]}) accepted");
        await output.WriteLineAsync($"  received at  {submission["received_at"]}");
        await output.WriteLineAsync($"  content hash {submission["content_sha256"]} (SHA-256 of the canonical JSON stored)");
        foreach (var change in submission["changes"]!.AsArray())
        {
            await output.WriteLineAsync($"  {change!["field"]}: {Show(change["old"])} -> {Show(change["new"])}");
        }
    }

    public static async Task PrintIncidentAsync(JsonNode incident, TextWriter output)
    {
        await output.WriteLineAsync($"Incident {incident["id"]}  [{incident["status"]}]  TLP:{incident["tlp"]}");
        await output.WriteLineAsync($"  title        {incident["title"]}");
        await output.WriteLineAsync($"  category     {incident["category"]}");
        await output.WriteLineAsync($"  organisation {incident["organisation_id"]}");
        await output.WriteLineAsync($"  detected at  {incident["detected_at"]}");
        await output.WriteLineAsync($"  received at  {incident["received_at"]}");
        await output.WriteLineAsync($"  updated at   {incident["updated_at"]} ({incident["submissions"]} submissions)");
        foreach (var (field, reason) in incident["declared_unknown"]!.AsObject())
        {
            await output.WriteLineAsync($"  unknown      {field}: {reason}");
        }
    }

    public static async Task PrintHistoryAsync(JsonNode history, TextWriter output)
    {
        await output.WriteLineAsync($"Incident {history["incident_id"]}");
        foreach (var entry in history["submissions"]!.AsArray())
        {
            var actor = entry!["actor"]!;
            await output.WriteLineAsync($"#{entry["sequence"]} {entry["kind"]} at {entry["received_at"]} by {actor["role"]} {actor["id"]}");
            var note = entry["content"]?["narrative"] ?? entry["content"]?["reason"];
            if (note is not null)
            {
                await output.WriteLineAsync($"    \"{note}\"");
            }
            foreach (var change in entry["changes"]!.AsArray())
            {
                await output.WriteLineAsync($"    {change!["field"]}: {Show(change["old"])} -> {Show(change["new"])}");
            }
        }
    }

    private static string Show(JsonNode? value)
    {
        var text = value is null ? "(none)" : CliJson.Write(value);
        return text.Length <= 120 ? text : text[..117] + "...";
    }
}
