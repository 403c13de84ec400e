using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Vigil.Bench;

/// <summary>
/// A column that turns the mean time of one operation into a rate: <paramref name="unitsPerOperation"/> (leaves,
/// bytes, hashes) divided by the mean, per second.
/// </summary>
public sealed class RateColumn(string header, Func<BenchmarkCase, double> unitsPerOperation, double scale = 1) : IColumn
{
    public string Id => $"{nameof(RateColumn)}.{header}";
    public string ColumnName => header;
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => $"{header}: units per operation divided by the mean time";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        if (statistics is null || statistics.Mean <= 0)
        {
            return "NA";
        }
        var perSecond = unitsPerOperation(benchmarkCase) / (statistics.Mean / 1e9) / scale;
        return perSecond.ToString("N0", style.CultureInfo);
    }

    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <summary>The value of the benchmark's parameter <paramref name="name"/>, as a number.</summary>
    public static double Parameter(BenchmarkCase benchmarkCase, string name) =>
        Convert.ToDouble(benchmarkCase.Parameters[name], System.Globalization.CultureInfo.InvariantCulture);
}
