using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Vigil.Cli;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Cli;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Ledger;

/// <summary>Tampering with a real database file, the way someone with access to it could, is caught and named by `vigil ledger audit`.</summary>
public sealed class LedgerAuditTests
{
    /// <summary>A database with a few incidents and updates, the server stopped, and a connection to tamper with it.</summary>
    private static async Task<(string Directory, List<long> Leaves)> RecordAsync()
    {
        var leaves = new List<long>();
        using var factory = new VigilFactory();
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        for (var i = 0; i < 3; i++)
        {
            var report = await (await reporter.Client.PostJsonAsync("/api/v1/incidents", Api.Report($"incident {i}"))).JsonAsync();
            leaves.Add(report["receipt"]!["leaf_index"]!.GetValue<long>());
            var id = report["incident"]!["id"]!.GetValue<string>();
            var update = await (await reporter.Client.PostJsonAsync($"/api/v1/incidents/{id}/updates", $$"""{"narrative": "more on {{i}}"}""")).JsonAsync();
            leaves.Add(update["receipt"]!["leaf_index"]!.GetValue<long>());
            await analyst.Client.PostJsonAsync($"/api/v1/incidents/{id}/status", """{"status": "triaged", "reason": "r"}""");
        }
        // Keep the files: the factory's directory is removed on dispose, so copy them out first.
        var directory = Directory.CreateTempSubdirectory("vigil-audit-").FullName;
        factory.CopyDataTo(directory);
        return (directory, leaves);
    }

    private static void Tamper(string directory, params string[] statements)
    {
        using var db = new SqliteConnection($"Data Source={Path.Combine(directory, "vigil.db")};Pooling=False");
        db.Open();
        foreach (var table in new[] { "submissions", "ledger_leaves", "ledger_nodes", "ledger_checkpoints" })
        {
            // Whoever tampers with the file can drop the triggers first; the audit must not rely on them.
            db.Command($"DROP TRIGGER IF EXISTS {table}_refuse_update; DROP TRIGGER IF EXISTS {table}_refuse_delete;").ExecuteNonQuery();
        }
        db.Command("PRAGMA foreign_keys = OFF;").ExecuteNonQuery();
        foreach (var statement in statements)
        {
            Assert.True(db.Command(statement).ExecuteNonQuery() > 0, $"nothing changed: {statement}");
        }
    }

    private static Task<CliRun> AuditAsync(string directory) =>
        CliRun.InProcessAsync("ledger", "audit", $"--Storage:DataDirectory={directory}");

    private static async Task WithRecordAsync(Func<string, List<long>, Task> test)
    {
        var (directory, leaves) = await RecordAsync();
        try
        {
            await test(directory, leaves);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
            Directory.Delete(directory + "-keys", recursive: true);
        }
    }

    [Fact]
    public Task An_untouched_database_passes() => WithRecordAsync(async (directory, _) =>
    {
        var audit = await AuditAsync(directory);
        Assert.True(audit.ExitCode == ExitCodes.Ok, audit.ToString());
        Assert.Contains("9 leaves, 9 submissions", audit.Out, StringComparison.Ordinal);
        Assert.Contains("the log is intact", audit.Out, StringComparison.Ordinal);
    });

    [Fact]
    public Task Altering_one_byte_of_one_submission_is_found() => WithRecordAsync(async (directory, leaves) =>
    {
        Tamper(directory, $"UPDATE submissions SET content = replace(content, 'incident 1', 'incident 7') WHERE leaf_index = {leaves[2]}");
        var audit = await AuditAsync(directory);
        Assert.Equal(ExitCodes.Rejected, audit.ExitCode);
        Assert.Contains($"FOUND: leaf {leaves[2]} (incident ", audit.Out, StringComparison.Ordinal);
        Assert.Contains("no longer matches what was committed (altered)", audit.Out, StringComparison.Ordinal);
        Assert.Contains("1 problems", audit.Out, StringComparison.Ordinal);
    });

    [Fact]
    public Task Deleting_a_submission_is_found() => WithRecordAsync(async (directory, leaves) =>
    {
        Tamper(directory, $"DELETE FROM submissions WHERE leaf_index = {leaves[3]}");
        var audit = await AuditAsync(directory);
        Assert.Equal(ExitCodes.Rejected, audit.ExitCode);
        Assert.Contains($"FOUND: leaf {leaves[3]}: no stored submission, note revision or event belongs to it", audit.Out, StringComparison.Ordinal);
        Assert.Contains("are not numbered 1..", audit.Out, StringComparison.Ordinal);
    });

    [Fact]
    public Task Swapping_two_leaves_is_found_as_a_reordering() => WithRecordAsync(async (directory, leaves) =>
    {
        var (a, b) = (leaves[0], leaves[4]);
        Tamper(directory,
            $"UPDATE ledger_leaves SET \"index\" = -1 WHERE \"index\" = {a}",
            $"UPDATE ledger_leaves SET \"index\" = {a} WHERE \"index\" = {b}",
            $"UPDATE ledger_leaves SET \"index\" = {b} WHERE \"index\" = -1");
        var audit = await AuditAsync(directory);
        Assert.Equal(ExitCodes.Rejected, audit.ExitCode);
        Assert.Contains($"FOUND: leaf {a} (incident ", audit.Out, StringComparison.Ordinal);
        Assert.Contains($"matches leaf {b} instead (reordered)", audit.Out, StringComparison.Ordinal);
        Assert.Contains("the signed root is not the root of the stored log", audit.Out, StringComparison.Ordinal);
    });

    [Fact]
    public Task Editing_a_checkpoint_is_found() => WithRecordAsync(async (directory, _) =>
    {
        Tamper(directory, "UPDATE ledger_checkpoints SET note = replace(note, char(10) || '5' || char(10), char(10) || '4' || char(10)) WHERE tree_size = 5");
        var audit = await AuditAsync(directory);
        Assert.Equal(ExitCodes.Rejected, audit.ExitCode);
        Assert.Contains("FOUND: checkpoint ", audit.Out, StringComparison.Ordinal);
        Assert.Contains("(size 5): its signed note does not verify (edited)", audit.Out, StringComparison.Ordinal);
    });

    [Fact]
    public Task Deleting_a_leaf_is_found() => WithRecordAsync(async (directory, leaves) =>
    {
        Tamper(directory, $"DELETE FROM ledger_leaves WHERE \"index\" = {leaves[5]}");
        var audit = await AuditAsync(directory);
        Assert.Equal(ExitCodes.Rejected, audit.ExitCode);
        Assert.Contains($"FOUND: leaf {leaves[5]}: missing", audit.Out, StringComparison.Ordinal);
    });
}
