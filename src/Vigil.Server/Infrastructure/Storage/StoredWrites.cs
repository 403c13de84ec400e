using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Vigil.Server.Infrastructure.Storage;

/// <summary>Tells the <see cref="StorageFullEpisode"/> of every write the database stored: a commit, or a save outside a transaction.</summary>
public sealed class StoredWrites(StorageFullEpisode episode) : IDbTransactionInterceptor, ISaveChangesInterceptor
{
    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => episode.Stored();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        episode.Stored();
        return Task.CompletedTask;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData, result);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData, result);
        return ValueTask.FromResult(result);
    }

    // Inside a transaction nothing is stored until it commits.
    private void Saved(SaveChangesCompletedEventData eventData, int result)
    {
        if (result > 0 && eventData.Context?.Database.CurrentTransaction is null)
        {
            episode.Stored();
        }
    }
}
