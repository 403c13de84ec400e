using Microsoft.EntityFrameworkCore;
using Vigil.Data;
using Vigil.Ledger;

namespace Vigil.Server.Features.Ledger;

/// <summary>Reads the log's stored subtree hashes: one query per batch of nodes.</summary>
public sealed class DbHashReader(VigilDbContext db) : IHashReader
{
    public async ValueTask<IReadOnlyList<byte[]>> ReadHashesAsync(IReadOnlyList<NodeId> nodes, CancellationToken cancellationToken = default)
    {
        var keys = nodes.Select(n => n.ToStorageKey()).ToList();
        var found = await db.LedgerNodes.AsNoTracking().Where(n => keys.Contains(n.Key)).ToDictionaryAsync(n => n.Key, n => n.Hash, cancellationToken);
        return [.. keys.Select(k => found.TryGetValue(k, out var hash) ? hash : throw new InvalidOperationException($"The log has no stored hash for node {NodeId.FromStorageKey(k)}."))];
    }
}
