using System.Text.Json.Nodes;
using Vigil.Ledger.Receipts;
using Vigil.Server.Features.Ledger;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Platform;

/// <summary>
/// What must hold after the kills, read through the API of a server that is up: every acknowledged submission is on
/// the record exactly once, where its answer said (incident, sequence); no submission of the run is there twice (an
/// unacknowledged one may be there once, or not at all); every receipt handed out verifies with the log's public key,
/// against its content, and the log still holds its leaf at its index.
/// </summary>
internal static class CrashCheck
{
    /// <summary>
    /// Read as the reporting organisation's own reporter: a read by anyone outside it (the CERT's analyst) is itself an
    /// event on the record, a write per incident read, which made the check slower than the run.
    /// </summary>
    public static async Task<List<string>> FindingsAsync(HttpClient reporter, CrashLoad load)
    {
        var findings = new List<string>();
        var found = await SubmissionsOnRecordAsync(reporter);
        foreach (var group in found.GroupBy(s => s.Marker).Where(g => g.Count() > 1))
        {
            findings.Add($"{group.Key} is on the record {group.Count()} times: " + string.Join(", ", group.Select(s => $"{s.IncidentId}#{s.Sequence}")));
        }
        var byMarker = found.ToLookup(s => s.Marker);
        foreach (var acknowledged in load.AcknowledgedSubmissions)
        {
            var stored = byMarker[acknowledged.Sent.Marker].ToList();
            if (stored.Count == 0)
            {
                findings.Add($"LOST: {acknowledged.Sent.Kind} {acknowledged.Sent.Marker} was acknowledged ({acknowledged.IncidentId}#{acknowledged.Sequence}) and is not on the record");
            }
            else if (stored[0].IncidentId != acknowledged.IncidentId || stored[0].Sequence != acknowledged.Sequence)
            {
                findings.Add($"{acknowledged.Sent.Marker} was acknowledged as {acknowledged.IncidentId}#{acknowledged.Sequence} and is on the record as {stored[0].IncidentId}#{stored[0].Sequence}");
            }
        }
        foreach (var twice in load.AcknowledgedSubmissions.GroupBy(a => a.Sent.Marker).Where(g => g.Count() > 1))
        {
            findings.Add($"{twice.Key} was answered 2xx {twice.Count()} times");
        }
        findings.AddRange(await ReceiptFindingsAsync(reporter, load));
        return findings;
    }

    private sealed record OnRecord(string Marker, string IncidentId, int Sequence);

    /// <summary>Every submission of the run on the record, by the marker its content carries.</summary>
    private static async Task<List<OnRecord>> SubmissionsOnRecordAsync(HttpClient reporter)
    {
        var incidents = new List<string>();
        string? cursor = null;
        do
        {
            var page = await reporter.GetNodeAsync("/api/v1/incidents?limit=200" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            incidents.AddRange(page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
            cursor = page["next_cursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        var found = new System.Collections.Concurrent.ConcurrentBag<OnRecord>();
        await Parallel.ForEachAsync(incidents, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, _) =>
        {
            var history = await reporter.GetNodeAsync($"/api/v1/incidents/{id}/history");
            foreach (var submission in history["submissions"]!.AsArray())
            {
                var content = submission!["content"]!;
                var text = (content["title"] ?? content["narrative"])?.GetValue<string>() ?? "";
                if (text.IndexOf("crash-", StringComparison.Ordinal) is var at and >= 0)
                {
                    found.Add(new OnRecord(text[at..], id, submission["sequence"]!.GetValue<int>()));
                }
            }
        });
        return [.. found];
    }

    private static async Task<List<string>> ReceiptFindingsAsync(HttpClient reporter, CrashLoad load)
    {
        var keys = ReceiptVerifier.KeysIn(await reporter.GetStringAsync("/ledger/key"));
        var findings = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(load.AcknowledgedSubmissions, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (acknowledged, _) =>
        {
            var verdict = ReceiptVerifier.Check(acknowledged.Receipt, keys, acknowledged.Sent.Body);
            if (!verdict.Holds)
            {
                findings.Add($"The receipt of {acknowledged.Sent.Marker} does not verify: {verdict.Failure!.English}");
            }
            var now = await reporter.GetNodeAsync($"/api/v1/receipts/{acknowledged.LeafIndex}");
            if (now["receipt"]!["leaf_hash"]!.GetValue<string>() != acknowledged.LeafHash)
            {
                findings.Add($"The log's leaf {acknowledged.LeafIndex} is no longer the one {acknowledged.Sent.Marker}'s receipt proved");
            }
        });
        return [.. findings];
    }
}

/// <summary>The run's numbers, as the benchmarks document reports them.</summary>
internal sealed record CrashSummary(string Storage, int Kills, int FirstStartKills, int KilledWhileMigrating, int Clients, int Attempted, int Acknowledged,
    int AcknowledgedWithKey, int Replayed, IReadOnlyList<double> RestartSeconds, string Audit, string Outcomes)
{
    public override string ToString()
    {
        var restarts = RestartSeconds.Order().ToList();
        return $"{Storage}: {Kills} kills ({FirstStartKills} during a first start, {KilledWhileMigrating} of them while migrating), {Clients} clients, {Attempted} submissions sent, "
            + $"{Acknowledged} acknowledged ({AcknowledgedWithKey} with an Idempotency-Key, {Replayed} of them answered on a retry after a kill); "
            + $"restart to healthy: median {restarts[restarts.Count / 2]:F1} s, max {restarts[^1]:F1} s; answers: {Outcomes}; audit: {Audit}";
    }

    /// <summary>Appended to the file VIGIL_CRASH_REPORT names (the benchmark script prints it).</summary>
    public void Report()
    {
        if (Environment.GetEnvironmentVariable("VIGIL_CRASH_REPORT") is { Length: > 0 } file)
        {
            File.AppendAllText(file, ToString() + "\n");
        }
        RunLog.Write("crash test: " + this);
    }
}
