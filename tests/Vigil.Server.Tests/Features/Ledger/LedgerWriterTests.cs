using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Data;
using Vigil.Ledger;
using Vigil.Server.Features.Ledger;
using Vigil.Server.Infrastructure.Storage;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Ledger;

/// <summary>The writer inserts leaves and subtree hashes in bulk; what it stores must be exactly the tree, on both databases.</summary>
public sealed class LedgerWriterTests
{
    // More than two multi-row statements' worth, and not a multiple of one, so that full and partial statements both run.
    private const int Leaves = 150;

    [Fact]
    public Task A_large_batch_is_stored_exactly_on_sqlite() => LargeBatchIsStoredExactlyAsync(new VigilFactory());

    [Fact]
    public Task A_large_batch_is_stored_exactly_on_postgresql() => LargeBatchIsStoredExactlyAsync(new PostgresVigilFactory());

    [Fact]
    public async Task Saving_the_context_directly_after_an_append_is_refused()
    {
        using var factory = new VigilFactory();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var ledger = scope.ServiceProvider.GetRequiredService<LedgerWriter>();
        await using var transaction = await scope.ServiceProvider.GetRequiredService<WriteTransactions>().BeginAsync(db, default);
        await ledger.LockAsync(default);
        ledger.Append(RandomNumberGenerator.GetBytes(32), "report");

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    private static async Task LargeBatchIsStoredExactlyAsync(VigilFactory factory)
    {
        using var server = factory;
        var data = Enumerable.Range(0, Leaves).Select(_ => RandomNumberGenerator.GetBytes(32)).ToList();
        long start;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
            var ledger = scope.ServiceProvider.GetRequiredService<LedgerWriter>();
            await using var transaction = await scope.ServiceProvider.GetRequiredService<WriteTransactions>().BeginAsync(db, default);
            await ledger.LockAsync(default);
            start = ledger.Size;
            data.ForEach(d => ledger.Append(d, "report"));
            ledger.SignCheckpoint();
            await ledger.SaveChangesAsync(default);
            await transaction.CommitAsync(default);
        }

        await using var reading = server.Services.CreateAsyncScope();
        var stored = reading.ServiceProvider.GetRequiredService<VigilDbContext>();
        var leaves = await stored.LedgerLeaves.AsNoTracking().Where(l => l.Index >= start).OrderBy(l => l.Index).ToListAsync();
        Assert.Equal(data, leaves.Select(l => l.Data));
        Assert.All(leaves, l => Assert.Equal(MerkleHash.HashLeaf(l.Data), l.LeafHash));
        Assert.All(leaves, l => Assert.Equal(TimeSpan.Zero, l.CreatedAt.Offset));

        var size = start + Leaves;
        var allLeafHashes = await stored.LedgerLeaves.AsNoTracking().OrderBy(l => l.Index).Select(l => l.LeafHash).ToArrayAsync();
        var checkpoint = await stored.LedgerCheckpoints.AsNoTracking().FirstAsync(c => c.TreeSize == size);
        Assert.Equal(MerkleTree.ComputeRoot(allLeafHashes), checkpoint.RootHash);
        for (var index = start; index < size; index++)
        {
            var proof = await InclusionProof.CreateAsync(new DbHashReader(stored), index, size);
            proof.Verify(allLeafHashes[index], checkpoint.RootHash);
        }
    }
}
