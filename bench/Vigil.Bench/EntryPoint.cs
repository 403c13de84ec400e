using BenchmarkDotNet.Running;

namespace Vigil.Bench;

/// <summary>
/// Runs the benchmarks BenchmarkDotNet's switcher selects (use <c>--filter</c>), or <c>generate SIZE</c> to build the
/// cached ledger of SIZE leaves that the inclusion-proof benchmarks read.
/// </summary>
public static class EntryPoint
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["generate", var size])
        {
            var directory = await LedgerFixture.EnsureAsync(long.Parse(size, System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None);
            Console.WriteLine($"Ledger ready in {directory}");
            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(EntryPoint).Assembly).Run(args);
        return 0;
    }
}
