using Vigil.Data;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.Indicators;

/// <summary>
/// The transaction a change to a collection runs in: the caller's when there is one (the idempotency filter's), else
/// one of its own, committed here. Checks read inside it, so what they allow is what is written.
/// </summary>
public sealed class CollectionTransaction : IAsyncDisposable
{
    private readonly WriteTransaction? _own;

    private CollectionTransaction(WriteTransaction? own) => _own = own;

    public static async Task<CollectionTransaction> BeginAsync(VigilDbContext db, WriteTransactions writes, CancellationToken cancellationToken) =>
        new(db.Database.CurrentTransaction is null ? await writes.BeginAsync(db, cancellationToken) : null);

    public Task CommitAsync(CancellationToken cancellationToken) => _own?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => _own?.DisposeAsync() ?? ValueTask.CompletedTask;
}
