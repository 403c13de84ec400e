using Vigil.Data;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.Notes;

/// <summary>Runs a note's write in the caller's transaction (the idempotency filter's) or in one of its own, committed on success.</summary>
public static class NoteTransactions
{
    public static async Task<T> RunAsync<T>(VigilDbContext db, WriteTransactions writes, Func<Task<T>> work, Func<T, bool> succeeded, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work();
        }
        await using var transaction = await writes.BeginAsync(db, cancellationToken);
        var result = await work();
        if (succeeded(result))
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return result;
    }
}
