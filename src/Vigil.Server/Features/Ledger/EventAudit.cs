using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Domain.Record;

namespace Vigil.Server.Features.Ledger;

/// <summary>The audit's check of events on the record: each stored event recomputed into its commitment and compared with its leaf.</summary>
public sealed class EventAudit(VigilDbContext db)
{
    public async Task<long> CheckAsync(
        List<byte[]> leafData, Dictionary<string, long> byData, HashSet<long> covered, List<string> findings, CancellationToken cancellationToken)
    {
        var events = await db.RecordEvents.AsNoTracking().IgnoreQueryFilters([AudienceFilters.Name]).OrderBy(e => e.LeafIndex).ToListAsync(cancellationToken);
        foreach (var e in events)
        {
            var where = $"leaf {e.LeafIndex} (event {e.Id}, {e.Kind} of {e.ObjectKind} {e.ObjectId})";
            covered.Add(e.LeafIndex);
            if (e.LeafIndex >= leafData.Count)
            {
                findings.Add($"{where}: the event has no leaf (missing)");
                continue;
            }
            var commitment = EventCommitment.Compute(new EventFacts(e.Kind, e.ObjectKind, e.ObjectId, e.ActorId, e.ReceivedAt), e.Content, e.Salt);
            if (commitment.AsSpan().SequenceEqual(leafData[(int)e.LeafIndex]))
            {
                continue;
            }
            findings.Add(byData.TryGetValue(Convert.ToBase64String(commitment), out var other)
                ? $"{where}: the event matches leaf {other} instead (reordered)"
                : $"{where}: the stored event no longer matches what was committed (altered)");
        }
        return events.Count;
    }
}
