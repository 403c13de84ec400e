using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Perfolizer.Mathematics.OutlierDetection;
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
    private AsyncServiceScope _openScope;

    [Params(1_000_000, 10_000_000)]
    public long TreeSize { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await ServerServices.OpenAsync(await LedgerFixture.EnsureAsync(TreeSize, CancellationToken.None), CancellationToken.None);
        _openScope = _server.Services.CreateAsyncScope();
    }

    [Benchmark(Baseline = true)]
    public async Task<InclusionProof> ProveRandomLeafAsync()
    {
        await using var scope = _server!.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        return await InclusionProof.CreateAsync(new DbHashReader(db), _random.NextInt64(TreeSize), TreeSize);
    }

    /// <summary>The query alone: the same proof on a context kept open, without a scope and a connection per proof.</summary>
    [Benchmark]
    public async Task<InclusionProof> ProveRandomLeafOnOpenContextAsync()
    {
        var db = _openScope.ServiceProvider.GetRequiredService<VigilDbContext>();
        return await InclusionProof.CreateAsync(new DbHashReader(db), _random.NextInt64(TreeSize), TreeSize);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _openScope.DisposeAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>
    /// One proof per iteration, 2,000 of them after 100 warm-up proofs; no forced collection between them, and no
    /// outlier removed, so that the P99 and the maximum are those of every proof measured.
    /// </summary>
    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default.WithId("PerProof").WithInvocationCount(1).WithUnrollFactor(1)
                .WithWarmupCount(100).WithIterationCount(2_000).WithGcForce(false).WithOutlierMode(OutlierMode.DontRemove));
            AddColumn(StatisticColumn.Median, StatisticColumn.P95, new PercentileColumn(99), StatisticColumn.Max);
        }
    }
}
