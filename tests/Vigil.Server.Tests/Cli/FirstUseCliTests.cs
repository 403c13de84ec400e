using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Vigil.Cli;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Cli;

/// <summary>Issue 14, "First use": what a reporter meets filing a first report with the CLI.</summary>
public sealed partial class FirstUseCliTests(RunningServer server) : IClassFixture<RunningServer>, IDisposable
{
    private readonly string _files = Directory.CreateTempSubdirectory("vigil-cli-").FullName;

    /// <summary>Filed under NIS2 article 23: its early warning (24 h) and notification (72 h) were due days before this test runs.</summary>
    private static readonly string Report = Api.Report(title: "Customers' call records exposed", extra: """
        "regimes": ["eu-nis2-art23"], "affected_users": {"total": 100, "as_of": "2026-11-29T09:00:00+05:30"}
        """);

    private string WriteFile(string name, string content)
    {
        var path = Path.Combine(_files, name);
        File.WriteAllText(path, content);
        return path;
    }

    private async Task<string[]> ConnectionAsync() =>
        ["--server", server.Address.ToString(), "--token", (await Seed.UserAsync(server.Services, Roles.Reporter)).Token];

    // Issue 14, first use: `report submit` neither showed nor saved the receipt and said nothing of deadlines.
    [Fact]
    public async Task Submit_saves_the_receipt_beside_the_report_never_over_one_and_names_the_open_deadlines()
    {
        var connection = await ConnectionAsync();
        var input = WriteFile("report.json", Report);
        var first = await CliRun.InProcessAsync(["report", "submit", input, .. connection]);
        Assert.True(first.ExitCode == ExitCodes.Ok, first.ToString());
        var receiptFile = Path.Combine(_files, "report.receipt.json");
        Assert.Contains($"receipt saved to {receiptFile}", first.Out, StringComparison.Ordinal);
        var saved = JsonNode.Parse(File.ReadAllText(receiptFile))!;
        Assert.NotNull(saved["receipt"]);
        Assert.True(Regex.IsMatch(first.Out, @"next deadline: .+: due \S+ \((overdue by|in) [0-9,]+ (days?|h|min)"), first.Out);
        Assert.Contains("    missing: ", first.Out, StringComparison.Ordinal);
        Assert.True(Regex.IsMatch(first.Out, @"met late: .+: late by [0-9,]+ days?"), first.Out);

        // The saved file is what `vigil verify` reads: it proves the report just filed, content and all.
        using var http = new HttpClient { BaseAddress = server.Address };
        var key = (await http.GetStringAsync("/ledger/key")).Split('\n')[0];
        var verified = await CliRun.InProcessAsync(["verify", receiptFile, "--key", key, "--content", input]);
        Assert.True(verified.ExitCode == ExitCodes.Ok, verified.ToString());
        Assert.Contains("The content given is exactly what was committed.", verified.Out, StringComparison.Ordinal);

        // A second filing of the same file keeps the first receipt and says where the new one went.
        var before = File.ReadAllText(receiptFile);
        var second = await CliRun.InProcessAsync(["report", "submit", input, .. connection]);
        Assert.True(second.ExitCode == ExitCodes.Ok, second.ToString());
        Assert.Equal(before, File.ReadAllText(receiptFile));
        Assert.Contains($"{receiptFile} exists and was left as it is", second.Out, StringComparison.Ordinal);
        Assert.NotNull(JsonNode.Parse(File.ReadAllText(Path.Combine(_files, "report.receipt.2.json")))!["receipt"]);

        var elsewhere = Path.Combine(_files, "receipts", "first.json");
        var third = await CliRun.InProcessAsync(["report", "submit", input, "--receipt-out", elsewhere, "--json", .. connection]);
        Assert.True(third.ExitCode == ExitCodes.Ok, third.ToString());
        Assert.NotNull(JsonNode.Parse(third.Out)!["receipt"]);
        Assert.Contains($"receipt saved to {elsewhere}", third.Error, StringComparison.Ordinal);
        Assert.Equal(third.Out.Trim(), File.ReadAllText(elsewhere).Trim());
    }

    // Issue 14, first use: summaries showed `users\u0027` and `\u002B05:30`.
    [Fact]
    public async Task Summaries_write_json_text_unescaped()
    {
        var connection = await ConnectionAsync();
        var submitted = await CliRun.InProcessAsync(["report", "submit", WriteFile("escaped.json", Report), "--json", .. connection]);
        var id = JsonNode.Parse(submitted.Out)!["incident"]!["id"]!.GetValue<string>();
        var updated = await CliRun.InProcessAsync(["report", "update", id, WriteFile("update.json", """
            {"narrative": "More found.", "title": "Customers' call records and messages exposed",
             "affected_users": {"total": 1400, "as_of": "2026-11-30T09:00:00+05:30"}}
            """), .. connection]);
        Assert.True(updated.ExitCode == ExitCodes.Ok, updated.ToString());
        Assert.Contains("title: \"Customers' call records exposed\" -> \"Customers' call records and messages exposed\"", updated.Out, StringComparison.Ordinal);
        Assert.Contains("\"as_of\":\"2026-11-29T09:00:00+05:30\"", updated.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u00", updated.Out, StringComparison.Ordinal);
    }

    // Issue 14, first use: durations such as late_by read P2762DT7H31M21.767926S; whole seconds in JSON.
    [Fact]
    public async Task Durations_in_answers_are_whole_seconds()
    {
        var reporter = await Seed.UserAsync(server.Services, Roles.Reporter);
        using var client = new HttpClient { BaseAddress = server.Address };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", reporter.Token);
        var id = await client.FileAsync(Report);
        var compliance = await client.GetNodeAsync($"/api/v1/incidents/{id}/compliance");
        var lateBy = compliance["regimes"]!.AsArray().SelectMany(r => r!["stages"]!.AsArray())
            .Select(s => s!["late_by"]?.GetValue<string>()).OfType<string>().ToList();
        Assert.NotEmpty(lateBy);
        Assert.All(lateBy, late => Assert.Matches(WholeSeconds(), late));
    }

    [GeneratedRegex(@"^P(\d+D)?(T(\d+H)?(\d+M)?(\d+S)?)?$")]
    private static partial Regex WholeSeconds();

    public void Dispose() => Directory.Delete(_files, recursive: true);
}
