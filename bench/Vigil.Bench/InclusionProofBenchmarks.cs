using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Data;
using Vigil.Ledger;
using Vigil.Server.Features.Ledger;

namespace Vigil.Bench;

/// <summary>
/// Latency of one inclusion proof for a random leaf, generated from the subtree hashes a SQLite ledger of
/// <see cref="TreeSize"/> leaves stores, as the proof endpoint does it: a request scope, its context, one query.
/// Every iteration is a single proof, so the percentiles are those of single proofs.
/// </summary>
[Config(typeof(Config))]
public class InclusionProofBenchmarks
{
    private readonly Random _random = new(9162);
    private ServerServices? _server;

    [Params(1_000_000, 10_000_000)]
    public long TreeSize { get; set; }

    [GlobalSetup]
    public async Task SetupAsync() =>
        _server = await ServerServices.OpenAsync(await LedgerFixture.EnsureAsync(TreeSize, CancellationToken.None), CancellationToken.None);

    [Benchmark]
    public async Task<InclusionProof> ProveRandomLeafAsync()
    {
        await using var scope = _server!.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        return await InclusionProof.CreateAsync(new DbHashReader(db), _random.NextInt64(TreeSize), TreeSize);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>One proof per iteration, 2,000 of them after 100 warm-up proofs; no forced collection between them.</summary>
    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default.WithId("PerProof").WithInvocationCount(1).WithUnrollFactor(1)
                .WithWarmupCount(100).WithIterationCount(2_000).WithGcForce(false));
            AddColumn(StatisticColumn.Median, StatisticColumn.P95, new PercentileColumn(99), StatisticColumn.Max);
        }
    }
}
