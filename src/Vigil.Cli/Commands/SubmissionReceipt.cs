using System.Globalization;
using System.Text.Json.Nodes;
using Vigil.Cli.Connection;
using Vigil.Domain.Regimes;

namespace Vigil.Cli.Commands;

/// <summary>
/// After `vigil report submit`: keeps the server's whole answer (it holds the receipt) beside the report, or where
/// --receipt-out says, never over an existing file; then says where it went, and which deadlines are open and what
/// they still miss, from the incident's compliance answer.
/// </summary>
public static class SubmissionReceipt
{
    /// <summary>report.json → report.receipt.json, beside it.</summary>
    public static string DefaultPath(string input) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(input))!, Path.GetFileNameWithoutExtension(input) + ".receipt.json");

    /// <summary>Saves the answer at <paramref name="wanted"/>, or, when a file is there already, at the first free numbered name beside it.</summary>
    public static async Task<string> SaveAsync(string wanted, string answer, CancellationToken cancellationToken)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(answer);
        var stem = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(wanted))!, Path.GetFileNameWithoutExtension(wanted));
        var extension = Path.GetExtension(wanted);
        for (var n = 1; ; n++)
        {
            var path = n == 1 ? Path.GetFullPath(wanted) : $"{stem}.{n}{extension}";
            if (await AtomicFile.CreateAsync(path, bytes, cancellationToken))
            {
                return path;
            }
        }
    }

    public static async Task PrintSavedAsync(TextWriter output, string wanted, string saved)
    {
        if (!string.Equals(Path.GetFullPath(wanted), saved, StringComparison.Ordinal))
        {
            await output.WriteLineAsync($"  {Path.GetFullPath(wanted)} exists and was left as it is.");
        }
        await output.WriteLineAsync($"  receipt saved to {saved} (the whole answer; keep it, it proves what was filed and when)");
    }

    /// <summary>Each open deadline, the nearest first, how it stands at the server's time, and what it still misses.</summary>
    public static async Task PrintDeadlinesAsync(JsonNode compliance, TextWriter output)
    {
        var now = DateTimeOffset.Parse(compliance["evaluated_at"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        var open = compliance["regimes"]!.AsArray()
            .SelectMany(r => r!["stages"]!.AsArray().Select(s => (Regime: r["name"]!.GetValue<string>(), Stage: s!)))
            .Where(x => x.Stage["state"]!.GetValue<string>() is "pending" or "due_soon" or "overdue" && x.Stage["due_utc"] is not null)
            .Select(x => (x.Regime, x.Stage, Due: DateTimeOffset.Parse(x.Stage["due_utc"]!.GetValue<string>(), CultureInfo.InvariantCulture)))
            .OrderBy(x => x.Due)
            .ToList();
        var late = compliance["regimes"]!.AsArray()
            .SelectMany(r => r!["stages"]!.AsArray().Select(s => (Regime: r["name"]!.GetValue<string>(), Stage: s!)))
            .Where(x => x.Stage["late_by"] is not null);
        foreach (var (regime, stage) in late)
        {
            var by = DurationText.English(System.Xml.XmlConvert.ToTimeSpan(stage["late_by"]!.GetValue<string>()));
            await output.WriteLineAsync($"  met late: {regime}, {stage["name"]}: late by {by}");
        }
        if (open.Count == 0)
        {
            await output.WriteLineAsync("  no deadline is open under the regimes it is filed under");
            return;
        }
        foreach (var (regime, stage, due) in open)
        {
            var left = DurationText.English(due - now);
            var when = due < now ? $"overdue by {left}" : $"in {left}";
            var label = ReferenceEquals(stage, open[0].Stage) ? "next deadline" : "then";
            var local = stage["due_local"]?.GetValue<string>() ?? due.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
            await output.WriteLineAsync($"  {label}: {regime}, {stage["name"]}: due {local} ({when})");
            var missing = stage["now"]?["missing"]?.AsArray().Select(m => m!.GetValue<string>()).ToList() ?? [];
            await output.WriteLineAsync(missing.Count == 0 ? "    nothing missing" : $"    missing: {string.Join(", ", missing)}");
        }
    }
}
