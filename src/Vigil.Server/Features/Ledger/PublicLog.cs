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
        if (await LedgerEndpoints.LatestAsync(db, cancellationToken) is not { } latest)
        {
            return null;
        }
        var cosignatures = await db.WitnessCosignatures.AsNoTracking().Where(w => w.CheckpointId == latest.Id).OrderBy(w => w.Id).ToListAsync(cancellationToken);
        var note = cosignatures.Count == 0
            ? latest.Note
            : SignedNote.Parse(latest.Note).WithSignatures(cosignatures.Select(c => NoteSignature.ParseLine(c.Line))).ToString();
        return new ServedCheckpoint(latest, note, cosignatures);
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
