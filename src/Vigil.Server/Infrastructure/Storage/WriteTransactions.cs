using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Vigil.Data;

namespace Vigil.Server.Infrastructure.Storage;

/// <summary>
/// Begins the transactions that write to the record. SQLite has one writer at a time and makes the others poll for
/// its lock, which under load is unfair (a writer can lose the race until it times out); so writers in this process
/// queue here first, in order, and take SQLite's lock only when it is theirs. PostgreSQL needs no queue: its row
/// locks queue waiters themselves.
/// </summary>
public sealed class WriteTransactions : IDisposable
{
    private readonly SemaphoreSlim _sqliteWriter = new(1, 1);

    public async Task<WriteTransaction> BeginAsync(VigilDbContext db, CancellationToken cancellationToken)
    {
        var queued = !db.Database.IsNpgsql();
        if (queued)
        {
            await _sqliteWriter.WaitAsync(cancellationToken);
        }
        try
        {
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            return new WriteTransaction(transaction, queued ? _sqliteWriter : null);
        }
        catch
        {
            if (queued)
            {
                _sqliteWriter.Release();
            }
            throw;
        }
    }

    public void Dispose() => _sqliteWriter.Dispose();
}

/// <summary>A write transaction; disposing it without committing rolls it back and lets the next writer in.</summary>
public sealed class WriteTransaction(IDbContextTransaction transaction, SemaphoreSlim? gate) : IAsyncDisposable
{
    public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

    public Task RollbackAsync(CancellationToken cancellationToken) => transaction.RollbackAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await transaction.DisposeAsync();
        }
        finally
        {
            gate?.Release();
        }
    }
}
