using System.Text;
using Vigil.Server.Features.Compliance;

namespace Vigil.Server.Features.Oversight;

/// <summary>One bar or point: what it stands for (<see cref="Key"/>, stable across languages), its label, its value and how it is written.</summary>
public sealed record ChartPoint(string Key, string Label, double? Value, string ValueText);

/// <summary>The data table beside a chart: the first cell of each row names the row.</summary>
public sealed record ChartTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>Exactly the table, as CSV (RFC 4180, CRLF, a header line first).</summary>
    public string Csv()
    {
        var text = new StringBuilder(CsvCells.Line(Columns));
        foreach (var row in Rows)
        {
            text.Append(CsvCells.Line(row));
        }
        return text.ToString();
    }
}

/// <summary>
/// A chart of the dashboard: drawn as SVG by <see cref="BarChart"/> or <see cref="TrendChart"/>, with the same
/// figures in its table and in its CSV download.
/// </summary>
/// <param name="Name">Its name in the CSV's address: on-time, delays, completeness, trend.</param>
/// <param name="Max">The value axis runs from 0 to this.</param>
public sealed record Chart(
    string Name, string Title, string Description, string CategoryAxis, string ValueAxis, double Max, IReadOnlyList<double> Ticks, string TickFormat,
    IReadOnlyList<ChartPoint> Points, ChartTable Table, bool IsTrend)
{
    public string Id => "chart-" + Name;
}
