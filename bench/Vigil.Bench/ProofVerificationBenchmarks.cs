using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Data;
using Vigil.Ledger;
using Vigil.Server.Features.Ledger;

namespace Vigil.Bench;

/// <summary>
/// What a receipt holder pays to check a proof offline (RFC 9162 §2.1.3.2): proofs of random leaves in the cached
/// ledgers, verified in turn against the root of the ledger's last checkpoint.
/// </summary>
[Config(typeof(Config))]
public class ProofVerificationBenchmarks
{
    private const int Proofs = 1_000;
    private readonly List<(InclusionProof Proof, byte[] LeafHash)> _proofs = [];
    private byte[] _root = [];
    private int _next;

    [Params(1_000_000, 10_000_000)]
    public long TreeSize { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        await using var server = await ServerServices.OpenAsync(await LedgerFixture.EnsureAsync(TreeSize, CancellationToken.None), CancellationToken.None);
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        _root = await db.LedgerCheckpoints.Where(c => c.TreeSize == TreeSize).Select(c => c.RootHash).FirstAsync();
        var random = new Random(9162);
        for (var i = 0; i < Proofs; i++)
        {
            var index = random.NextInt64(TreeSize);
            var leafHash = await db.LedgerLeaves.Where(l => l.Index == index).Select(l => l.LeafHash).SingleAsync();
            _proofs.Add((await InclusionProof.CreateAsync(new DbHashReader(db), index, TreeSize), leafHash));
        }
    }

    [Benchmark]
    public void VerifyInclusionProof()
    {
        var (proof, leafHash) = _proofs[_next];
        _next = (_next + 1) % Proofs;
        proof.Verify(leafHash, _root);
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddJob(Job.ShortRun);
    }
}
