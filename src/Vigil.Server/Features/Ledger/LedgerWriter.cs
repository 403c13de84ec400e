using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Ledger;
using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Notes;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.Ledger;

/// <summary>
/// Appends leaves to the log inside the caller's transaction, so that a submission and its leaf are stored together
/// or not at all. The sequencer row is locked first: servers sharing one database append in turn and cannot fork.
/// Save through <see cref="SaveChangesAsync"/>: it inserts the new leaves and subtree hashes in bulk (never through the
/// change tracker, which costs one statement per row), then saves the rest of the unit of work that refers to them.
/// </summary>
public sealed class LedgerWriter(VigilDbContext db, LedgerKeys keys, TimeProvider clock)
{
    private readonly List<LedgerLeaf> _unsavedLeaves = [];
    private readonly List<LedgerNode> _unsavedNodes = [];
    private LedgerState? _state;
    private TreeFrontier? _frontier;

    public long Size => _frontier?.Size ?? throw NotLocked();

    /// <summary>Whether this unit of work holds the log's write lock already (another step of it appended first).</summary>
    public bool IsLocked => _frontier is not null && db.Database.CurrentTransaction is not null;

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
        db.SavingChanges -= RefuseSavingWithoutLeaves;
        db.SavingChanges += RefuseSavingWithoutLeaves;
    }

    /// <summary>Appends one leaf (its data is a commitment) and returns its index. Stored by <see cref="SaveChangesAsync"/>.</summary>
    public long Append(byte[] data, string kind)
    {
        var frontier = _frontier ?? throw NotLocked();
        var leafHash = MerkleHash.HashLeaf(data);
        var index = frontier.Append(leafHash, (node, hash) => _unsavedNodes.Add(new LedgerNode { Key = node.ToStorageKey(), Hash = hash }));
        _unsavedLeaves.Add(new LedgerLeaf { Index = index, Data = data, LeafHash = leafHash, Kind = kind, CreatedAt = clock.GetUtcNow() });
        _state!.Size = frontier.Size;
        return index;
    }

    /// <summary>
    /// Inserts the appended leaves and their subtree hashes, then saves the context (the sequencer's new size, the
    /// checkpoint, and whatever the caller added, such as the submissions that refer to the leaves). Everything stays
    /// in the caller's transaction, which commits or rolls back all of it.
    /// </summary>
    public async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        await MultiRowInsert.InsertAsync(db, _unsavedLeaves, cancellationToken);
        _unsavedLeaves.Clear();
        await MultiRowInsert.InsertAsync(db, _unsavedNodes, cancellationToken);
        _unsavedNodes.Clear();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Signs a checkpoint of the log as it now stands; saved by <see cref="SaveChangesAsync"/>.</summary>
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

    // Saving the context directly would store the sequencer's new size without the leaves behind it.
    private void RefuseSavingWithoutLeaves(object? sender, SavingChangesEventArgs e)
    {
        if (_unsavedLeaves.Count > 0 || _unsavedNodes.Count > 0)
        {
            throw new InvalidOperationException("The log has unsaved leaves: save through LedgerWriter.SaveChangesAsync.");
        }
    }

    private static InvalidOperationException NotLocked() => new("Lock the log (LockAsync) before appending.");
}
