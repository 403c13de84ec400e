using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Vigil.Data;

namespace Vigil.Server.Infrastructure.Storage;

/// <summary>
/// One SQLite transaction shared by the writers that queued up behind each other (see <see cref="WriteTransactions"/>),
/// on a connection of its own. Only the writer whose turn it is uses it.
/// </summary>
internal sealed class WriteBatch
{
    private readonly AsyncServiceScope _scope;
    private readonly VigilDbContext _db;
    private readonly TaskCompletionSource _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WriteBatch(AsyncServiceScope scope, VigilDbContext db)
    {
        _scope = scope;
        _db = db;
        Connection = db.Database.GetDbConnection();
        Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
    }

    public DbConnection Connection { get; }

    public DbTransaction Transaction { get; }

    public int Members { get; private set; }

    /// <summary>Completes when the batch is committed; faults with the commit's own exception when it could not be.</summary>
    public Task Committed => _committed.Task;

    /// <summary>False once SQLite has rolled the whole transaction back by itself (it may, on an I/O error or a full disk).</summary>
    public bool IsUsable => Connection is SqliteConnection { Handle: { } handle } && SQLitePCL.raw.sqlite3_get_autocommit(handle) == 0;

    public static async Task<WriteBatch> OpenAsync(IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
            // Microsoft.Data.Sqlite begins IMMEDIATE: the batch holds the database's write lock from here.
            await db.Database.BeginTransactionAsync(cancellationToken);
            return new WriteBatch(scope, db);
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    public async Task<WriteTransaction> EnterAsync(WriteTransactions owner, VigilDbContext db, CancellationToken cancellationToken)
    {
        Members += 1;
        var member = new BatchMember(owner, this, db, $"vigil_writer_{Members}");
        await member.AttachAsync(cancellationToken);
        return new WriteTransaction(member);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Commits (one sync for every writer in the batch) and tells them how it went; never throws.</summary>
    public async Task CommitAsync()
    {
        try
        {
            if (!IsUsable)
            {
                throw new InvalidOperationException("SQLite rolled the write transaction back after an error; nothing of it was stored.");
            }
            await _db.Database.CommitTransactionAsync();
            _committed.SetResult();
        }
        catch (Exception e)
        {
            _committed.TrySetException(e);
            try
            {
                await _db.Database.RollbackTransactionAsync();
            }
            catch (Exception)
            {
                // Already rolled back, or the connection is gone: either way nothing of the batch is stored.
            }
        }
        finally
        {
            await _scope.DisposeAsync();
        }
    }
}

/// <summary>One writer's part of a batch: its context runs on the batch's connection inside a savepoint of its own.</summary>
internal sealed class BatchMember(WriteTransactions owner, WriteBatch batch, VigilDbContext db, string savepoint)
{
    private string? _ownConnectionString;
    private bool _attached;
    private bool _ended;

    public async Task AttachAsync(CancellationToken cancellationToken)
    {
        _ownConnectionString = db.Database.GetConnectionString();
        try
        {
            db.Database.SetDbConnection(batch.Connection, contextOwnsConnection: false);
            _attached = true;
            await db.Database.UseTransactionAsync(batch.Transaction, cancellationToken);
            await batch.ExecuteAsync($"SAVEPOINT {savepoint}");
        }
        catch
        {
            _ended = true;
            Detach();
            throw;
        }
    }

    /// <summary>Keeps this writer's work in the batch and waits until the batch is committed.</summary>
    public async Task CommitAsync()
    {
        ObjectDisposedException.ThrowIf(_ended, this);
        try
        {
            await batch.ExecuteAsync($"RELEASE {savepoint}");
        }
        catch
        {
            await RollbackAsync();
            throw;
        }
        _ended = true;
        await EndTurnAsync();
        await batch.Committed;
    }

    /// <summary>Undoes this writer's work alone; waits for the batch, so that what it reads next is what was stored.</summary>
    public async Task RollbackAsync()
    {
        if (_ended)
        {
            return;
        }
        _ended = true;
        try
        {
            await batch.ExecuteAsync($"ROLLBACK TO {savepoint}");
            await batch.ExecuteAsync($"RELEASE {savepoint}");
        }
        catch (Exception) when (!batch.IsUsable)
        {
            // SQLite rolled the whole batch back: the batch fails as a whole below, and this writer's work is gone too.
        }
        await EndTurnAsync();
        try
        {
            await batch.Committed;
        }
        catch (Exception)
        {
            // This writer stored nothing; the others of the batch get the failure.
        }
    }

    public async ValueTask DisposeAsync() => await RollbackAsync();

    private async Task EndTurnAsync()
    {
        try
        {
            Detach();
        }
        finally
        {
            await owner.EndTurnAsync(batch);
        }
    }

    // The context gets its own connection back: reads after the commit go through the pool as before.
    private void Detach()
    {
        if (!_attached)
        {
            return;
        }
        _attached = false;
        db.Database.UseTransaction(null);
        db.Database.SetDbConnection(null);
        db.Database.SetConnectionString(_ownConnectionString);
    }
}
