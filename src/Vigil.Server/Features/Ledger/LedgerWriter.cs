using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Ledger;
using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Notes;

namespace Vigil.Server.Features.Ledger;

/// <summary>
/// Appends leaves to the log inside the caller's transaction, so that a submission and its leaf are stored together
/// or not at all. The sequencer row is locked first: servers sharing one database append in turn and cannot fork.
/// </summary>
public sealed class LedgerWriter(VigilDbContext db, LedgerKeys keys, TimeProvider clock)
{
    private LedgerState? _state;
    private TreeFrontier? _frontier;

    public long Size => _frontier?.Size ?? throw NotLocked();

    /// <summary>Takes the log's write lock for the current transaction and reads its right edge (≤ 64 hashes).</summary>
    public async Task LockAsync(CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Appending to the log needs a transaction.");
        }
        // SQLite: the transaction began IMMEDIATE and already holds the database's only write lock.
        _state = db.Database.IsNpgsql()
            ? await db.LedgerStates.FromSql($"SELECT * FROM ledger_states WHERE id = {LedgerState.SingletonId} FOR UPDATE").SingleAsync(cancellationToken)
            : await db.LedgerStates.SingleAsync(s => s.Id == LedgerState.SingletonId, cancellationToken);
        _frontier = await TreeFrontier.LoadAsync(new DbHashReader(db), _state.Size, cancellationToken);
    }

    /// <summary>Appends one leaf (its data is a commitment) and returns its index. Saved with the caller's SaveChanges.</summary>
    public long Append(byte[] data, string kind)
    {
        var frontier = _frontier ?? throw NotLocked();
        var leafHash = MerkleHash.HashLeaf(data);
        var index = frontier.Append(leafHash, (node, hash) => db.LedgerNodes.Add(new LedgerNode { Key = node.ToStorageKey(), Hash = hash }));
        db.LedgerLeaves.Add(new LedgerLeaf { Index = index, Data = data, LeafHash = leafHash, Kind = kind, CreatedAt = clock.GetUtcNow() });
        _state!.Size = frontier.Size;
        return index;
    }

    /// <summary>Signs a checkpoint of the log as it now stands; saved with the caller's SaveChanges.</summary>
    public LedgerCheckpoint SignCheckpoint()
    {
        var frontier = _frontier ?? throw NotLocked();
        var root = frontier.Root();
        var checkpoint = new LedgerCheckpoint
        {
            TreeSize = frontier.Size,
            RootHash = root,
            Note = new Checkpoint(keys.Origin, frontier.Size, root).Sign(keys.Signer).ToString(),
            CreatedAt = clock.GetUtcNow(),
        };
        db.LedgerCheckpoints.Add(checkpoint);
        return checkpoint;
    }

    /// <summary>A c2sp.org/tlog-proof@v1 for a stored leaf against a stored checkpoint.</summary>
    public static async Task<string> ProveAsync(VigilDbContext db, long index, LedgerCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var inclusion = await InclusionProof.CreateAsync(new DbHashReader(db), index, checkpoint.TreeSize, cancellationToken);
        return TlogProof.Create(inclusion, SignedNote.Parse(checkpoint.Note)).ToString();
    }

    private static InvalidOperationException NotLocked() => new("Lock the log (LockAsync) before appending.");
}
