using System.Diagnostics;
using System.Security.Cryptography;

namespace Vigil.Bench;

/// <summary>
/// A SQLite ledger of a given number of leaves, generated once through the server's own append path (batches of
/// <see cref="BatchSize"/> leaves through <c>LedgerWriter</c>) and kept under <c>bench/artifacts/</c> (ignored by
/// git), so that later runs reuse it. A half-built ledger is never reused: it is built beside its final place and
/// moved there when complete.
/// </summary>
public static class LedgerFixture
{
    public const int BatchSize = 10_000;

    /// <summary>The data directory of a complete ledger of <paramref name="leaves"/> leaves, generated if missing.</summary>
    public static async Task<string> EnsureAsync(long leaves, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(ArtifactsDirectory(), $"ledger-{leaves}");
        if (Directory.Exists(directory))
        {
            return directory;
        }

        var building = directory + ".building";
        if (Directory.Exists(building))
        {
            Directory.Delete(building, recursive: true);
        }
        await GenerateAsync(building, leaves, cancellationToken);
        Directory.Move(building, directory);
        return directory;
    }

    private static async Task GenerateAsync(string dataDirectory, long leaves, CancellationToken cancellationToken)
    {
        Console.WriteLine($"Generating a ledger of {leaves:N0} leaves in {dataDirectory}");
        var stopwatch = Stopwatch.StartNew();
        await using var server = await ServerServices.OpenAsync(dataDirectory, cancellationToken);
        var batch = new byte[BatchSize][];
        long size = 0;
        while (size < leaves)
        {
            var count = (int)Math.Min(BatchSize, leaves - size);
            for (var i = 0; i < count; i++)
            {
                batch[i] = RandomNumberGenerator.GetBytes(32);
            }
            size = await LedgerBatch.AppendAsync(server.Services, new ArraySegment<byte[]>(batch, 0, count), cancellationToken);
            if (size % 500_000 == 0 || size == leaves)
            {
                Console.WriteLine($"  {size:N0} leaves, {size / stopwatch.Elapsed.TotalSeconds:N0} leaves/s");
            }
        }
    }

    /// <summary>bench/artifacts/ of this repository, or the directory VIGIL_BENCH_ARTIFACTS names.</summary>
    private static string ArtifactsDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("VIGIL_BENCH_ARTIFACTS");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }
        // BenchmarkDotNet runs each benchmark from a build below the project's bin/, so walk up to the repository.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Vigil.slnx")))
            {
                return Path.Combine(dir.FullName, "bench", "artifacts");
            }
        }
        throw new InvalidOperationException("Cannot find the repository (Vigil.slnx) above the benchmark; set VIGIL_BENCH_ARTIFACTS.");
    }
}
