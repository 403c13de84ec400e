using Microsoft.Extensions.DependencyInjection;
using Vigil.Data;
using Vigil.Server.Features.Ledger;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Bench;

/// <summary>One write transaction of the server's log: what a submission does, with many leaves instead of one.</summary>
public static class LedgerBatch
{
    /// <summary>Appends every commitment as a leaf, signs one checkpoint over them and commits; returns the new size.</summary>
    public static async Task<long> AppendAsync(IServiceProvider services, IReadOnlyList<byte[]> commitments, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var ledger = scope.ServiceProvider.GetRequiredService<LedgerWriter>();
        await using var transaction = await scope.ServiceProvider.GetRequiredService<WriteTransactions>().BeginAsync(db, cancellationToken);
        await ledger.LockAsync(cancellationToken);
        foreach (var commitment in commitments)
        {
            ledger.Append(commitment, "report");
        }
        ledger.SignCheckpoint();
        await ledger.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ledger.Size;
    }
}
