using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Data.Entities;
using Vigil.Ledger.Notes;

namespace Vigil.Server.Features.Ledger;

/// <summary>
/// What the public log shows, read once for both its HTTP endpoints (/ledger) and its pages (/log): the latest
/// checkpoint as served (with witnesses' cosignatures) and one entry. Hashes, kinds and times: never content.
/// </summary>
public static class PublicLog
{
    /// <summary>A stored checkpoint and its signed note as served: the log's signature, then each witness's cosignature.</summary>
    public sealed record ServedCheckpoint(LedgerCheckpoint Stored, string Note, IReadOnlyList<WitnessCosignature> Cosignatures);

    /// <summary>One leaf: its hash, its kind, and when it was appended.</summary>
    public sealed record Entry(long Index, byte[] LeafHash, string Kind, DateTimeOffset AppendedAt);

    public static async Task<ServedCheckpoint?> LatestAsync(VigilDbContext db, CancellationToken cancellationToken)
    {
        return await LedgerEndpoints.LatestAsync(db, cancellationToken) is { } latest ? await ServeAsync(db, latest, cancellationToken) : null;
    }

    /// <summary>
    /// The latest checkpoint that includes leaf <paramref name="index"/> and carries a witness's cosignature, as served;
    /// null while none does. Each cosignature covers every earlier tree, so a receipt proved in it is as witnessed as any.
    /// </summary>
    public static async Task<ServedCheckpoint?> LatestCosignedAsync(VigilDbContext db, long index, CancellationToken cancellationToken) =>
        await db.LedgerCheckpoints.AsNoTracking()
            .Where(c => c.TreeSize > index && db.WitnessCosignatures.Any(w => w.CheckpointId == c.Id))
            .OrderByDescending(c => c.TreeSize).ThenByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken) is { } cosigned
            ? await ServeAsync(db, cosigned, cancellationToken)
            : null;

    /// <summary>A stored checkpoint with its witnesses' cosignatures appended after the log's signature.</summary>
    public static async Task<ServedCheckpoint> ServeAsync(VigilDbContext db, LedgerCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var cosignatures = await db.WitnessCosignatures.AsNoTracking().Where(w => w.CheckpointId == checkpoint.Id).OrderBy(w => w.Id).ToListAsync(cancellationToken);
        var note = cosignatures.Count == 0
            ? checkpoint.Note
            : SignedNote.Parse(checkpoint.Note).WithSignatures(cosignatures.Select(c => NoteSignature.ParseLine(c.Line))).ToString();
        return new ServedCheckpoint(checkpoint, note, cosignatures);
    }

    public static Task<Entry?> EntryAsync(VigilDbContext db, long index, CancellationToken cancellationToken) =>
        db.LedgerLeaves.AsNoTracking().Where(l => l.Index == index)
            .Select(l => new Entry(l.Index, l.LeafHash, l.Kind, l.CreatedAt)).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The last <paramref name="count"/> leaves appended, the latest first.</summary>
    public static Task<List<Entry>> RecentAsync(VigilDbContext db, int count, CancellationToken cancellationToken) =>
        db.LedgerLeaves.AsNoTracking().OrderByDescending(l => l.Index).Take(count)
            .Select(l => new Entry(l.Index, l.LeafHash, l.Kind, l.CreatedAt)).ToListAsync(cancellationToken);

    /// <summary>The number of leaves appended, signed into a checkpoint or not yet.</summary>
    public static Task<long> SizeAsync(VigilDbContext db, CancellationToken cancellationToken) =>
        db.LedgerStates.AsNoTracking().Where(s => s.Id == LedgerState.SingletonId).Select(s => s.Size).SingleAsync(cancellationToken);
}
