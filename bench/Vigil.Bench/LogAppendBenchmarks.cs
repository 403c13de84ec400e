using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Vigil.Bench;

/// <summary>
/// Leaves integrated into the log per second on a real SQLite file: each operation is one write transaction through
/// the server's <c>LedgerWriter</c> (sequencer lock, leaves, subtree hashes, one signed checkpoint, commit).
/// </summary>
[Config(typeof(Config))]
public class LogAppendBenchmarks
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"vigil-bench-append-{Guid.NewGuid():N}");
    private ServerServices? _server;
    private byte[][] _commitments = [];

    [Params(1, 100, 1_000, 10_000)]
    public int LeavesPerTransaction { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await ServerServices.OpenAsync(_dataDirectory, CancellationToken.None);
        // Commitments are 32-byte SHA-256 digests in the server too; their content does not change the work.
        _commitments = [.. Enumerable.Range(0, LeavesPerTransaction).Select(_ => RandomNumberGenerator.GetBytes(32))];
    }

    [Benchmark]
    public Task AppendBatchAsync() => LedgerBatch.AppendAsync(_server!.Services, _commitments, CancellationToken.None);

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.MediumRun);
            AddColumn(new RateColumn("leaves/s", c => RateColumn.Parameter(c, nameof(LeavesPerTransaction))));
        }
    }
}
