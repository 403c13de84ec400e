using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Domain.Record;
using Vigil.Ledger.Receipts;

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
        return For(submission, leaf.LeafHash, keys.Origin, proof);
    }

    /// <summary>The receipt of a stored submission whose leaf is proved by <paramref name="tlogProof"/>.</summary>
    public static Receipt For(Submission submission, byte[] leafHash, string origin, string tlogProof) => new(
        Receipt.FormatName,
        origin,
        submission.LeafIndex,
        Convert.ToBase64String(leafHash),
        Convert.ToBase64String(submission.Salt),
        submission.Kind,
        submission.IncidentId,
        submission.Sequence,
        SubmissionCommitment.FormatTime(submission.ReceivedAt),
        submission.ContentSha256,
        tlogProof);
}
