using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Data;
using Vigil.Ledger.Receipts;
using Vigil.Server.Features.Ledger;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Infrastructure.Storage;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Infrastructure.Storage;

public sealed class GroupCommitOnSqliteTests(VigilFactory factory) : GroupCommitTests<VigilFactory>(factory)
{
    // Issue 15, intake: writers queued behind each other share one commit (one sync) instead of one each.
    [Fact]
    public async Task Concurrent_reports_share_commits()
    {
        var writes = Factory.Services.GetRequiredService<WriteTransactions>();
        var before = writes.Commits;
        await FileConcurrentlyAsync(Reports);
        var commits = writes.Commits - before;
        Assert.True(commits < Reports, $"{Reports} reports took {commits} commits");
    }

    // A failed commit reaches every writer of its batch as the commit's own exception, and none of the batch is stored.
    [Fact]
    public async Task A_commit_that_fails_fails_every_writer_of_its_batch_and_stores_none_of_it()
    {
        await CreateProbeTableAsync();
        var writes = Factory.Services.GetRequiredService<WriteTransactions>();
        await using var first = await ProbeWriterAsync(writes);
        var others = Enumerable.Range(2, 3).Select(id => Task.Run(async () =>
        {
            await using var writer = await ProbeWriterAsync(writes);
            await writer.InsertAsync(id, parent: null);
            await writer.Transaction.CommitAsync(default);
        })).ToList();
        await WaitUntilAsync(() => writes.Queued == others.Count);
        // Checked only when the batch commits: an orphan row makes SQLite refuse the commit itself.
        await first.Db.Database.ExecuteSqlRawAsync("PRAGMA defer_foreign_keys = ON");
        await first.InsertAsync(1, parent: 999);
        var failure = await Assert.ThrowsAsync<SqliteException>(() => first.Transaction.CommitAsync(default));

        Assert.Contains("FOREIGN KEY", failure.Message, StringComparison.Ordinal);
        foreach (var other in others)
        {
            Assert.Same(failure, await Assert.ThrowsAsync<SqliteException>(() => other));
        }
        Assert.Equal(0, ProbeRows());

        // The next writer is not affected.
        await using var next = await ProbeWriterAsync(writes);
        await next.InsertAsync(10, parent: null);
        await next.Transaction.CommitAsync(default);
        Assert.Equal(1, ProbeRows());
    }

    [Fact]
    public async Task A_writer_that_gives_up_in_a_batch_is_undone_alone()
    {
        await CreateProbeTableAsync("given_up_probe");
        var writes = Factory.Services.GetRequiredService<WriteTransactions>();
        await using var first = await ProbeWriterAsync(writes, "given_up_probe");
        var others = Enumerable.Range(2, 4).Select(id => Task.Run(async () =>
        {
            await using var writer = await ProbeWriterAsync(writes, "given_up_probe");
            await writer.InsertAsync(id, parent: null);
            if (id % 2 == 0)
            {
                throw new InvalidOperationException("gave up");
            }
            await writer.Transaction.CommitAsync(default);
        })).ToList();
        await WaitUntilAsync(() => writes.Queued == others.Count);
        await first.InsertAsync(1, parent: null);
        await first.Transaction.CommitAsync(default);

        var outcomes = await Task.WhenAll(others.Select(async t => { try { await t; return "stored"; } catch (InvalidOperationException) { return "gave up"; } }));
        Assert.Equal(["gave up", "stored", "gave up", "stored"], outcomes);
        using var db = Factory.OpenDatabase();
        Assert.Equal(["1", "3", "5"], db.Strings("SELECT CAST(id AS TEXT) FROM given_up_probe ORDER BY id"));
    }

    private async Task CreateProbeTableAsync(string table = "batch_probe")
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var sql = "CREATE TABLE IF NOT EXISTS " + table + " (id INTEGER PRIMARY KEY, parent INTEGER REFERENCES " + table + "(id))";
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    private long ProbeRows()
    {
        using var db = Factory.OpenDatabase();
        return db.Count("SELECT COUNT(*) FROM batch_probe");
    }

    private async Task<ProbeWriter> ProbeWriterAsync(WriteTransactions writes, string table = "batch_probe")
    {
        var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        return new ProbeWriter(scope, db, await writes.BeginAsync(db, default), table);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(10);
        }
        Assert.True(condition());
    }

    private sealed record ProbeWriter(AsyncServiceScope Scope, VigilDbContext Db, WriteTransaction Transaction, string Table) : IAsyncDisposable
    {
        public Task InsertAsync(int id, int? parent)
        {
            var sql = "INSERT INTO " + Table + " (id, parent) VALUES ({0}, " + (parent is null ? "NULL" : "{1}") + ")";
            return Db.Database.ExecuteSqlRawAsync(sql, id, parent ?? 0);
        }

        public async ValueTask DisposeAsync()
        {
            await Transaction.DisposeAsync();
            await Scope.DisposeAsync();
        }
    }
}

public sealed class GroupCommitOnPostgresTests(PostgresVigilFactory factory) : GroupCommitTests<PostgresVigilFactory>(factory);

/// <summary>Submissions written side by side (in shared commits on SQLite) keep every guarantee of one written alone.</summary>
public abstract class GroupCommitTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    protected const int Reports = 40;

    protected TFactory Factory => factory;

    [Fact]
    public async Task Concurrent_reports_are_each_stored_once_with_a_receipt_that_verifies()
    {
        var filed = await FileConcurrentlyAsync(Reports);
        var keys = (await factory.CreateClient().GetStringAsync("/ledger/key")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var (body, answer) in filed)
        {
            var verified = ReceiptVerifier.Verify(answer["receipt"]!.ToJsonString(), keys, body);
            Assert.Equal(answer["incident"]!["id"]!.GetValue<string>(), verified.IncidentId);
        }
        using var db = factory.OpenDatabase();
        var ids = string.Join(",", filed.Select(f => $"'{f.Answer["incident"]!["id"]!.GetValue<string>()}'"));
        Assert.Equal(Reports, db.Count($"SELECT COUNT(*) FROM submissions WHERE incident_id IN ({ids})"));
    }

    // One writer's refusal inside the transaction (the view it would make is inconsistent) fails it alone.
    [Fact]
    public async Task A_refused_update_among_concurrent_good_ones_fails_alone()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var id = await reporter.Client.FileAsync(Api.Report());
        var answers = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(() =>
            reporter.Client.PostJsonAsync($"/api/v1/incidents/{id}/updates", i % 3 == 1
                // A file nobody uploaded: refused when the attachments are resolved, inside the write transaction.
                ? $$"""{"narrative": "bad {{i}}", "attachments": [{"sha256": "{{new string('0', 64)}}"}]}"""
                : $$"""{"narrative": "good {{i}}"}"""))));

        Assert.Equal(8, answers.Count(a => a.StatusCode == HttpStatusCode.UnprocessableEntity));
        Assert.Equal(16, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        var history = await reporter.Client.GetNodeAsync($"/api/v1/incidents/{id}/history");
        var narratives = history["submissions"]!.AsArray().Skip(1).Select(s => s!["content"]!["narrative"]!.GetValue<string>()).ToList();
        Assert.Equal(16, narratives.Count);
        Assert.All(narratives, n => Assert.StartsWith("good", n, StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(1, 17), history["submissions"]!.AsArray().Select(s => s!["sequence"]!.GetValue<int>()));
    }

    protected async Task<List<(string Body, System.Text.Json.Nodes.JsonNode Answer)>> FileConcurrentlyAsync(int count)
    {
        var reporters = new List<Actor>();
        for (var i = 0; i < 4; i++)
        {
            reporters.Add(await factory.CreateActorAsync(Roles.Reporter));
        }
        return (await Task.WhenAll(Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            var body = Api.Report($"batched report {Guid.NewGuid()}");
            // Half carry an Idempotency-Key: its record joins the same transaction.
            var response = await reporters[i % reporters.Count].Client.PostJsonAsync("/api/v1/incidents", body, i % 2 == 0 ? $"batch-{i}-{Guid.NewGuid()}" : null);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (body, await response.JsonAsync());
        })))).ToList();
    }
}
