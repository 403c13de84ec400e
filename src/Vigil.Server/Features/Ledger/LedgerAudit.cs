using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Domain.Record;
using Vigil.Ledger;
using Vigil.Ledger.Checkpoints;

namespace Vigil.Server.Features.Ledger;

/// <summary>
/// Recomputes the log from the record and compares: every leaf from its stored submission, note revision or event, every node from the
/// leaves, every stored checkpoint's signature and root, and the consistency between consecutive checkpoints.
/// Each finding names the place: an altered, missing, reordered or extra row. It needs only the log's public keys.
/// </summary>
public sealed class LedgerAudit(VigilDbContext db, LedgerAuditKeys keys)
{
    public sealed record Report(long Leaves, long Submissions, long NoteRevisions, long Events, long Checkpoints, IReadOnlyList<string> Findings)
    {
        public bool Clean => Findings.Count == 0;
    }

    public async Task<Report> RunAsync(CancellationToken cancellationToken)
    {
        var findings = new List<string>();
        var leaves = await db.LedgerLeaves.AsNoTracking().OrderBy(l => l.Index).Select(l => new { l.Index, l.Data, l.LeafHash }).ToListAsync(cancellationToken);
        var size = await db.LedgerStates.AsNoTracking().Select(s => s.Size).SingleAsync(cancellationToken);
        var store = new InMemoryHashStore();
        var byData = new Dictionary<string, long>();
        for (var i = 0; i < leaves.Count; i++)
        {
            var leaf = leaves[i];
            if (leaf.Index != i)
            {
                findings.Add($"leaf {i}: missing (the next stored leaf is {leaf.Index})");
                break;
            }
            if (!MerkleHash.HashLeaf(leaf.Data).AsSpan().SequenceEqual(leaf.LeafHash))
            {
                findings.Add($"leaf {i}: its stored hash does not match its data (altered)");
            }
            store.AppendLeafHash(MerkleHash.HashLeaf(leaf.Data));
            byData.TryAdd(Convert.ToBase64String(leaf.Data), leaf.Index);
        }
        if (leaves.Count != size)
        {
            findings.Add($"the log says it has {size} leaves, but {leaves.Count} are stored");
        }

        var leafData = leaves.Select(l => l.Data).ToList();
        var covered = new HashSet<long>();
        var submissions = await CheckSubmissionsAsync(leafData, byData, covered, findings, cancellationToken);
        var noteRevisions = await new NoteRevisionAudit(db).CheckAsync(leafData, byData, covered, findings, cancellationToken);
        var events = await new EventAudit(db).CheckAsync(leafData, byData, covered, findings, cancellationToken);
        for (var index = 0L; index < leafData.Count; index++)
        {
            if (!covered.Contains(index))
            {
                findings.Add($"leaf {index}: no stored submission, note revision or event belongs to it (one is missing, or the leaf is extra)");
            }
        }
        await CheckNodesAsync(store, findings, cancellationToken);
        var checkpoints = await CheckCheckpointsAsync(store, findings, cancellationToken);
        return new Report(leaves.Count, submissions, noteRevisions, events, checkpoints, findings);
    }

    private async Task<long> CheckSubmissionsAsync(
        List<byte[]> leafData, Dictionary<string, long> byData, HashSet<long> covered, List<string> findings, CancellationToken cancellationToken)
    {
        var submissions = await db.Submissions.AsNoTracking().IgnoreQueryFilters([AudienceFilters.Name]).OrderBy(s => s.LeafIndex).ToListAsync(cancellationToken);
        foreach (var s in submissions)
        {
            var where = $"leaf {s.LeafIndex} (incident {s.IncidentId} submission #{s.Sequence})";
            covered.Add(s.LeafIndex);
            if (s.LeafIndex >= leafData.Count)
            {
                findings.Add($"{where}: the submission has no leaf (missing)");
                continue;
            }
            var commitment = SubmissionCommitment.Compute(s.Kind, s.IncidentId, s.Sequence, s.ReceivedAt, s.Content, s.Salt);
            if (commitment.AsSpan().SequenceEqual(leafData[(int)s.LeafIndex]))
            {
                continue;
            }
            findings.Add(byData.TryGetValue(Convert.ToBase64String(commitment), out var other)
                ? $"{where}: the submission matches leaf {other} instead (reordered)"
                : $"{where}: the stored submission no longer matches what was committed (altered)");
        }
        foreach (var gap in submissions.GroupBy(s => s.IncidentId).Where(g => g.Select(s => s.Sequence).Order().Where((n, i) => n != i + 1).Any()))
        {
            findings.Add($"incident {gap.Key}: its submissions are not numbered 1..{gap.Count()} (one is missing or extra)");
        }
        return submissions.Count;
    }

    private async Task CheckNodesAsync(InMemoryHashStore store, List<string> findings, CancellationToken cancellationToken)
    {
        await foreach (var node in db.LedgerNodes.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var id = NodeId.FromStorageKey(node.Key);
            if (id.EndLeaf > store.Size)
            {
                findings.Add($"node {id}: covers leaves beyond the log (extra)");
            }
            else if (!store.ReadHash(id).AsSpan().SequenceEqual(node.Hash))
            {
                findings.Add($"node {id}: its stored hash differs from the one recomputed from the leaves (altered)");
            }
        }
    }

    private async Task<long> CheckCheckpointsAsync(InMemoryHashStore store, List<string> findings, CancellationToken cancellationToken)
    {
        var checkpoints = await db.LedgerCheckpoints.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        (long Size, byte[] Root, long Id)? previous = null;
        foreach (var stored in checkpoints)
        {
            var where = $"checkpoint {stored.Id} (size {stored.TreeSize})";
            Checkpoint opened;
            try
            {
                opened = Checkpoint.Open(stored.Note, keys.Verifiers, keys.Origin).Checkpoint;
            }
            catch (Exception e) when (e is LedgerVerificationException or FormatException)
            {
                findings.Add($"{where}: its signed note does not verify (edited): {e.Message}");
                continue;
            }
            if (opened.Size > store.Size)
            {
                findings.Add($"{where}: it signs a tree larger than the stored log (leaves are missing)");
                continue;
            }
            var root = await MerkleTree.ComputeRootAsync(store, opened.Size, cancellationToken);
            if (!root.AsSpan().SequenceEqual(opened.RootHash) || opened.Size != stored.TreeSize)
            {
                findings.Add($"{where}: the signed root is not the root of the stored log at that size (the log was rewritten)");
                continue;
            }
            if (previous is { } p && p.Size > 0 && p.Size < opened.Size)
            {
                var proof = await ConsistencyProof.CreateAsync(store, p.Size, opened.Size, cancellationToken);
                if (!proof.IsValid(p.Root, opened.RootHash))
                {
                    findings.Add($"{where}: not consistent with checkpoint {p.Id} (size {p.Size})");
                }
            }
            previous = (opened.Size, opened.RootHash, stored.Id);
        }
        return checkpoints.Count;
    }
}
