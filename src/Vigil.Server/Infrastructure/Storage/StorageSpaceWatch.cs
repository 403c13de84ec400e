using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Vigil.Server.Infrastructure.Storage;

/// <summary>
/// Tells the <see cref="StorageFullEpisode"/> of every write the database stored (a commit, a save outside a
/// transaction) and of every one it refused for want of space, whoever wrote: a request or a background job.
/// </summary>
public sealed class StorageSpaceWatch(StorageFullEpisode episode) : IDbTransactionInterceptor, ISaveChangesInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor
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

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Failed(eventData.Exception);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(eventData.Exception);
        return Task.CompletedTask;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Failed(eventData.Exception);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(eventData.Exception);
        return Task.CompletedTask;
    }

    // A new PostgreSQL connection ends at once while the database's disk is full (it cannot write its cache file).
    public void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => Failed(eventData.Exception);

    public Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(eventData.Exception);
        return Task.CompletedTask;
    }

    // Inside a transaction nothing is stored until it commits.
    private void Saved(SaveChangesCompletedEventData eventData, int result)
    {
        if (result > 0 && eventData.Context?.Database.CurrentTransaction is null)
        {
            episode.Stored();
        }
    }

    private void Failed(Exception exception)
    {
        if (StorageFull.Reason(exception) is { } reason)
        {
            episode.Noticed(reason);
        }
    }
}
