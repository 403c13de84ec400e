using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Vigil.Cli;
using Vigil.Ledger.Receipts;
using Vigil.Server.Features.Ledger;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Indicators;
using Vigil.Server.Tests.Features.Notes;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Cli;

/// <summary>
/// Issue 17, `vigil db copy`: a SQLite database filled through the API moves to PostgreSQL with every id, leaf,
/// hash and time kept, so a server on the copy serves the same incidents, its receipts verify and the log audits
/// clean; a non-empty target is refused and a copy whose log does not verify is not committed.
/// </summary>
public sealed class DbCopyCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("vigil-db-copy-").FullName;

    private sealed record Recorded(string AnalystToken, string ReporterToken, IReadOnlyList<string> Incidents, IReadOnlyDictionary<string, string> Served,
        IReadOnlyList<long> Leaves, string[] VerifierKeys);

    /// <summary>Incidents with updates and status moves, a published and revised note, a collection with indicators, users and tokens; the server stopped, its files (and keys) kept.</summary>
    private async Task<Recorded> RecordAsync()
    {
        using var factory = new VigilFactory();
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var incidents = new List<string>();
        var leaves = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var report = await (await reporter.Client.PostJsonAsync("/api/v1/incidents", Api.Report($"incident {i}"))).JsonAsync();
            var id = report["incident"]!["id"]!.GetValue<string>();
            incidents.Add(id);
            leaves.Add(report["receipt"]!["leaf_index"]!.GetValue<long>());
            var update = await (await reporter.Client.PostJsonAsync($"/api/v1/incidents/{id}/updates", $$"""{"narrative": "more on {{i}}"}""")).JsonAsync();
            leaves.Add(update["receipt"]!["leaf_index"]!.GetValue<long>());
            Assert.True((await analyst.Client.PostJsonAsync($"/api/v1/incidents/{id}/status", """{"status": "triaged", "reason": "r"}""")).IsSuccessStatusCode);
        }
        var note = await analyst.Client.CreateNoteAsync(NoteSamples.Minimal());
        await analyst.Client.PublishNoteAsync(note);
        await analyst.Client.ReviseNoteAsync(note, NoteSamples.Minimal("Example router firmware command injection, fixed"), "Fixed versions named.");
        var collection = await analyst.Client.CreateCollectionAsync("CLEAR");
        await analyst.Client.AddPatternsAsync(collection, "[domain-name:value = 'copy.example.test']", "[ipv4-addr:value = '198.51.100.9']");
        var served = new Dictionary<string, string>();
        foreach (var id in incidents)
        {
            served[id] = await ServedAsync(analyst.Client, id);
        }
        var keys = ReceiptVerifier.KeysIn(await analyst.Client.GetStringAsync("/ledger/key")).ToArray();
        factory.CopyDataTo(_directory);
        return new Recorded(analyst.Token, reporter.Token, incidents, served, leaves, keys);
    }

    /// <summary>The incident as served, and its history with every submission's content.</summary>
    private static async Task<string> ServedAsync(HttpClient client, string id) =>
        await client.GetStringAsync($"/api/v1/incidents/{id}") + "\n" + await client.GetStringAsync($"/api/v1/incidents/{id}/history");

    private static HttpClient Client(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> server, string token)
    {
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private Task<CliRun> CopyAsync(PostgresVigilFactory target, params string[] more) =>
        CliRun.ProcessAsync(null, ["db", "copy", "--from", $"sqlite:{_directory}", "--to", $"postgres:{target.ConnectionString}", .. more]);

    [Fact]
    public async Task A_copy_on_PostgreSQL_serves_the_same_incidents_its_receipts_verify_and_its_log_audits_clean()
    {
        var recorded = await RecordAsync();
        using var target = new PostgresVigilFactory();

        var copy = await CopyAsync(target, "--json");
        Assert.True(copy.ExitCode == ExitCodes.Ok, copy.ToString());
        Assert.Equal("", copy.Error); // no progress line when standard error is not a terminal
        var summary = JsonNode.Parse(copy.Out)!;
        var rows = summary["tables"]!.AsArray().ToDictionary(t => t!["table"]!.GetValue<string>(), t => t!["rows"]!.GetValue<long>());
        Assert.Equal(3, rows["incidents"]);
        Assert.Equal(9, rows["submissions"]);
        Assert.Equal(2, rows["note_revisions"]);
        Assert.Equal(2, rows["users"]);
        Assert.Equal(2, rows["api_tokens"]);
        Assert.Equal(1, rows["indicator_collections"]);
        Assert.True(rows["ledger_checkpoints"] > 0);
        Assert.True(summary["audit"]!["intact"]!.GetValue<bool>(), copy.Out);

        // A server on the copy, with the data directory's keys: the same incidents, receipts that verify, and new writes.
        using var server = target.WithWebHostBuilder(b => b.UseSetting("Storage:DataDirectory", _directory));
        var client = Client(server, recorded.AnalystToken);
        foreach (var id in recorded.Incidents)
        {
            Assert.Equal(recorded.Served[id], await ServedAsync(client, id));
        }
        foreach (var leaf in recorded.Leaves)
        {
            var again = await client.GetNodeAsync($"/api/v1/receipts/{leaf}");
            var verified = ReceiptVerifier.Verify(again["receipt"]!.ToJsonString(), recorded.VerifierKeys, null);
            Assert.Equal(leaf, verified.LeafIndex);
        }
        // Identity columns were moved past the copied ids: a new report gets its checkpoint and events without a clash.
        Assert.NotEmpty(await Client(server, recorded.ReporterToken).FileAsync(Api.Report("after the move")));

        var audit = await CliRun.InProcessAsync("ledger", "audit", "--Storage:Provider=postgres",
            $"--Storage:ConnectionString={target.ConnectionString}", $"--Storage:DataDirectory={_directory}");
        Assert.True(audit.ExitCode == ExitCodes.Ok, audit.ToString());
        Assert.Contains("the log is intact.", audit.Out, StringComparison.Ordinal);

        // And back: the PostgreSQL database into a new SQLite one, audited with the log's published keys.
        var back = Path.Combine(_directory, "back");
        var returned = await CliRun.InProcessAsync(["db", "copy", "--from", $"postgres:{target.ConnectionString}", "--to", $"sqlite:{back}",
            .. recorded.VerifierKeys.SelectMany(k => new[] { "--key", k })]);
        Assert.True(returned.ExitCode == ExitCodes.Ok, returned.ToString());
        Assert.Contains("from postgres to sqlite; the copy's log is intact", returned.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_target_that_holds_rows_is_refused_and_left_as_it_was()
    {
        await RecordAsync();
        using var target = new PostgresVigilFactory();
        var first = await CopyAsync(target);
        Assert.True(first.ExitCode == ExitCodes.Ok, first.ToString());

        var second = await CopyAsync(target);
        Assert.True(second.ExitCode == ExitCodes.Rejected, second.ToString());
        Assert.Contains("The target is not empty", second.Error, StringComparison.Ordinal);
        Assert.Contains("incidents", second.Error, StringComparison.Ordinal);
        using var db = target.OpenDatabase();
        Assert.Equal(3L, Convert.ToInt64(db.Command("SELECT COUNT(*) FROM incidents").ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_source_row_changed_behind_the_log_fails_the_copy_audit_and_nothing_is_committed()
    {
        var recorded = await RecordAsync();
        using (var source = new SqliteConnection($"Data Source={Path.Combine(_directory, "vigil.db")};Pooling=False"))
        {
            source.Open();
            source.Command("DROP TRIGGER IF EXISTS submissions_refuse_update;").ExecuteNonQuery();
            Assert.Equal(1, source.Command($"UPDATE submissions SET content = replace(content, 'incident 1', 'incident 7') WHERE leaf_index = {recorded.Leaves[2]}").ExecuteNonQuery());
        }
        using var target = new PostgresVigilFactory();

        var copy = await CopyAsync(target);
        Assert.True(copy.ExitCode == ExitCodes.Rejected, copy.ToString());
        Assert.Contains("FOUND: ", copy.Out, StringComparison.Ordinal);
        Assert.Contains("nothing was written", copy.Out, StringComparison.Ordinal);
        using var db = target.OpenDatabase();
        Assert.Equal(0L, Convert.ToInt64(db.Command("SELECT COUNT(*) FROM submissions").ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        if (Directory.Exists(_directory + "-keys"))
        {
            Directory.Delete(_directory + "-keys", recursive: true);
        }
    }
}
