using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;

namespace Vigil.Server.Features.Ledger;

/// <summary>A submission's receipt as its submitter got it when filing: proved in the checkpoint signed with it.</summary>
public static class FiledReceipt
{
    /// <summary>The first checkpoint to include the leaf: the one signed in the submission's own transaction.</summary>
    public static Task<LedgerCheckpoint> OriginalCheckpointAsync(VigilDbContext db, long index, CancellationToken cancellationToken) =>
        db.LedgerCheckpoints.AsNoTracking().Where(c => c.TreeSize > index).OrderBy(c => c.TreeSize).ThenBy(c => c.Id).FirstAsync(cancellationToken);

    /// <summary>The same receipt as the answer to the submission carried, byte for byte once serialised.</summary>
    public static async Task<Receipt> ForAsync(VigilDbContext db, LedgerKeys keys, Submission submission, CancellationToken cancellationToken)
    {
        var leaf = await db.LedgerLeaves.AsNoTracking().SingleAsync(l => l.Index == submission.LeafIndex, cancellationToken);
        var original = await OriginalCheckpointAsync(db, submission.LeafIndex, cancellationToken);
        var proof = await LedgerWriter.ProveAsync(db, submission.LeafIndex, original, cancellationToken);
        return Receipt.For(submission, leaf.LeafHash, keys.Origin, proof);
    }
}
