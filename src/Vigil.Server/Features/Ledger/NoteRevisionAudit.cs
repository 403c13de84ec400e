using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Domain.Notes;

namespace Vigil.Server.Features.Ledger;

/// <summary>
/// The audit's check of vulnerability notes: every stored note revision recomputed into its commitment and compared
/// with its leaf, and each note's revisions numbered 1..n without a gap.
/// </summary>
public sealed class NoteRevisionAudit(VigilDbContext db)
{
    public async Task<long> CheckAsync(
        List<byte[]> leafData, Dictionary<string, long> byData, HashSet<long> covered, List<string> findings, CancellationToken cancellationToken)
    {
        var revisions = await db.NoteRevisions.AsNoTracking().IgnoreQueryFilters([AudienceFilters.Name]).OrderBy(r => r.LeafIndex).ToListAsync(cancellationToken);
        foreach (var r in revisions)
        {
            var where = $"leaf {r.LeafIndex} (note {r.NoteId} revision #{r.Sequence})";
            covered.Add(r.LeafIndex);
            if (r.LeafIndex >= leafData.Count)
            {
                findings.Add($"{where}: the revision has no leaf (missing)");
                continue;
            }
            var commitment = NoteCommitment.Compute(new NoteRevisionFacts(r.NoteId, r.Sequence, r.Kind, r.Version, r.Summary, r.ReceivedAt), r.Content, r.Salt);
            if (commitment.AsSpan().SequenceEqual(leafData[(int)r.LeafIndex]))
            {
                continue;
            }
            findings.Add(byData.TryGetValue(Convert.ToBase64String(commitment), out var other)
                ? $"{where}: the revision matches leaf {other} instead (reordered)"
                : $"{where}: the stored revision no longer matches what was committed (altered)");
        }
        foreach (var gap in revisions.GroupBy(r => r.NoteId).Where(g => g.Select(r => r.Sequence).Order().Where((n, i) => n != i + 1).Any()))
        {
            findings.Add($"note {gap.Key}: its revisions are not numbered 1..{gap.Count()} (one is missing or extra)");
        }
        return revisions.Count;
    }
}
