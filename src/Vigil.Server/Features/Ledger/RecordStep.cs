using System.Security.Cryptography;
using System.Text;
using Vigil.Data;
using Vigil.Domain.Record;
using Vigil.Ledger;

namespace Vigil.Server.Features.Ledger;

/// <summary>
/// Putting anything on the record, the one way incidents and notes share. In the caller's transaction:
/// <see cref="BeginAsync"/> takes the log's lock and fixes the record time; <see cref="Append"/> salts the content,
/// commits to it as the caller's format says and appends the commitment as a leaf; <see cref="SealAsync"/> signs a
/// checkpoint, saves everything and proves the leaf in that checkpoint for the receipt. What is committed to, and the
/// rows that hold it, stay with the caller.
/// </summary>
public sealed class RecordStep(VigilDbContext db, LedgerWriter ledger, LedgerKeys keys, TimeProvider clock)
{
    /// <summary>What was appended: the content as stored with its SHA-256 (lower-case hex) and salt, and its leaf.</summary>
    public sealed record Entry(string Content, string ContentSha256, byte[] Salt, long LeafIndex, byte[] Commitment);

    /// <summary>The entry's leaf proved in the checkpoint signed with it: what a receipt names.</summary>
    public sealed record Proof(byte[] LeafHash, string Origin, string TlogProof);

    /// <summary>Takes the log's lock (held to the end of the transaction) and returns the time this record is made at.</summary>
    public async Task<DateTimeOffset> BeginAsync(CancellationToken cancellationToken)
    {
        await ledger.LockAsync(cancellationToken);
        return SubmissionCommitment.RecordTime(clock.GetUtcNow());
    }

    /// <summary>Salts the content, commits to it with <paramref name="commit"/> (given the content and salt) and appends the commitment.</summary>
    public Entry Append(string kind, string content, Func<string, byte[], byte[]> commit)
    {
        var salt = SubmissionCommitment.NewSalt();
        var commitment = commit(content, salt);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
        return new Entry(content, sha256, salt, ledger.Append(commitment, kind), commitment);
    }

    /// <summary>Signs a checkpoint over the log with the entry in it, saves the unit of work, and proves the entry.</summary>
    public async Task<Proof> SealAsync(Entry entry, CancellationToken cancellationToken)
    {
        var checkpoint = ledger.SignCheckpoint();
        await ledger.SaveChangesAsync(cancellationToken);
        var proof = await LedgerWriter.ProveAsync(db, entry.LeafIndex, checkpoint, cancellationToken);
        return new Proof(MerkleHash.HashLeaf(entry.Commitment), keys.Origin, proof);
    }
}
