using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Vigil.Data;

namespace Vigil.Server.Infrastructure.Storage;

/// <summary>
/// Begins the transactions that write to the record.
/// <para>
/// SQLite has one writer at a time, and a durable commit (a sync of the write-ahead log) costs more than the writing
/// before it. So writers in this process take turns (in order, on a queue: SQLite's own lock makes waiters poll, which
/// is unfair under load), and writers that queue up behind each other share one transaction (group commit): each
/// works in a savepoint of its own on the batch's connection, a failed one is rolled back to its savepoint alone, and
/// the last writer of a batch (no one queued behind it, or <c>Storage:WriteBatchLimit</c> reached) commits it once for all.
/// Nobody returns from <see cref="WriteTransaction.CommitAsync"/> before that commit is done; if it fails, each
/// writer of the batch gets the commit's exception itself and nothing of the batch is stored.
/// </para>
/// PostgreSQL needs neither: its row locks queue waiters themselves, and each writer commits its own transaction.
/// </summary>
public sealed class WriteTransactions(IServiceScopeFactory scopes, IOptions<StorageOptions> options) : IDisposable
{
    // The most writers one SQLite commit holds, so that the first of a long queue is not kept waiting for ever.
    private readonly int _batchLimit = options.Value.WriteBatchLimit;
    private readonly SemaphoreSlim _turn = new(1, 1);
    private int _queued;
    private WriteBatch? _open;
    private long _commits;

    /// <summary>SQLite commits made for writers (a batch counts once), for tests and measurements.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Writers waiting for their turn (SQLite).</summary>
    public int Queued => Volatile.Read(ref _queued);

    public async Task<WriteTransaction> BeginAsync(VigilDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            return new WriteTransaction(await db.Database.BeginTransactionAsync(cancellationToken));
        }
        Interlocked.Increment(ref _queued);
        // Not cancellable: whoever ends a turn may leave a batch open for the next in the queue, who must then come.
        await _turn.WaitAsync(CancellationToken.None);
        Interlocked.Decrement(ref _queued);
        WriteBatch? batch = null;
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            batch = _open ??= await WriteBatch.OpenAsync(scopes, cancellationToken);
            return await batch.EnterAsync(this, db, cancellationToken);
        }
        catch
        {
            await EndTurnAsync(batch ?? _open);
            throw;
        }
    }

    /// <summary>
    /// Ends the current holder's turn: passes the open batch on to the next writer in the queue, or commits it when
    /// no one is queued (or it is full or broken). Completes the batch's <see cref="WriteBatch.Committed"/> either way.
    /// </summary>
    internal async Task EndTurnAsync(WriteBatch? batch)
    {
        if (batch is not null && !(Volatile.Read(ref _queued) > 0 && batch.Members < _batchLimit && batch.IsUsable))
        {
            await CommitAsync(batch);
            return;
        }
        _turn.Release();
    }

    private async Task CommitAsync(WriteBatch batch)
    {
        _open = null;
        try
        {
            await batch.CommitAsync();
            Interlocked.Increment(ref _commits);
        }
        finally
        {
            _turn.Release();
        }
    }

    public void Dispose() => _turn.Dispose();
}

/// <summary>A write transaction; disposing it without committing rolls it back (on SQLite: its own savepoint only).</summary>
public sealed class WriteTransaction : IAsyncDisposable
{
    private readonly IDbContextTransaction? _own;
    private readonly BatchMember? _member;

    internal WriteTransaction(IDbContextTransaction own) => _own = own;

    internal WriteTransaction(BatchMember member) => _member = member;

    /// <summary>Returns once what was written is durable (on SQLite, once the batch it joined is committed).</summary>
    public Task CommitAsync(CancellationToken cancellationToken) =>
        _own?.CommitAsync(cancellationToken) ?? _member!.CommitAsync();

    public Task RollbackAsync(CancellationToken cancellationToken) =>
        _own?.RollbackAsync(cancellationToken) ?? _member!.RollbackAsync();

    public async ValueTask DisposeAsync()
    {
        if (_own is not null)
        {
            await _own.DisposeAsync();
        }
        else
        {
            await _member!.DisposeAsync();
        }
    }
}
