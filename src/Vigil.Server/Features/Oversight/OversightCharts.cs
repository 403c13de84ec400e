using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Vigil.Server.Features.Oversight;

/// <summary>The dashboard's four charts from its figures, in the reader's language; the page and the CSV download build them here.</summary>
public static class OversightCharts
{
    public const string OnTime = "on-time", Delays = "delays", Completeness = "completeness", Trend = "trend";

    public static readonly IReadOnlyList<string> Names = [OnTime, Delays, Completeness, Trend];

    private static readonly IReadOnlyList<double> PercentTicks = [0, 25, 50, 75, 100];

    public static IReadOnlyList<Chart> Build(OversightFigures figures, IStringLocalizer<OversightText> t) =>
        [OnTimeChart(figures, t), DelayChart(figures, t), CompletenessChart(figures, t), TrendChart(figures, t)];

    /// <summary>A share (0 to 1) as a percentage with one decimal, in the reader's culture; <paramref name="none"/> when there is none.</summary>
    public static string Percent(double? share, string none) => share is { } s ? (s * 100).ToString("0.0", CultureInfo.CurrentCulture) : none;

    public static string Count(int value) => value.ToString(CultureInfo.CurrentCulture);

    private static Chart OnTimeChart(OversightFigures f, IStringLocalizer<OversightText> t)
    {
        var none = t["NoValue"].Value;
        return new Chart(OnTime, t["OnTimeChart"], t["OnTimeChartDesc"], t["Organisation"], t["OnTimeRatePercent"], 100, PercentTicks, "0",
            [.. f.Organisations.Select(o => new ChartPoint(o.Key, o.Name, o.Timeliness.Rate * 100, Labelled(Percent(o.Timeliness.Rate, none), o.Timeliness.Rate)))],
            new ChartTable([t["Organisation"], t["Incidents"], t["Deadlines"], t["MetOnTime"], t["OnTimeRatePercent"]],
                [.. f.Organisations.Select(o => (IReadOnlyList<string>)[o.Name, Count(o.Incidents), Count(o.Timeliness.Deadlines),
                    Count(o.Timeliness.MetOnTime), Percent(o.Timeliness.Rate, none)])]),
            IsTrend: false);
    }

    private static Chart DelayChart(OversightFigures f, IStringLocalizer<OversightText> t)
    {
        var step = Math.Max(1, (int)Math.Ceiling(f.Delays.Max(d => d.Stages) / 4.0));
        return new Chart(Delays, t["DelayChart"], t["DelayChartDesc"], t["Lateness"], t["StageDeadlines"], step * 4,
            [0, step, step * 2, step * 3, step * 4], "0",
            [.. f.Delays.Select(d => new ChartPoint(d.Key, t["Bucket_" + d.Key], d.Stages, Count(d.Stages)))],
            new ChartTable([t["Lateness"], t["StageDeadlines"]], [.. f.Delays.Select(d => (IReadOnlyList<string>)[t["Bucket_" + d.Key], Count(d.Stages)])]),
            IsTrend: false);
    }

    private static Chart CompletenessChart(OversightFigures f, IStringLocalizer<OversightText> t)
    {
        var none = t["NoValue"].Value;
        return new Chart(Completeness, t["CompletenessChart"], t["CompletenessChartDesc"], t["Stage"], t["CompletenessPercent"], 100, PercentTicks, "0",
            [.. f.Completeness.Select(s => new ChartPoint($"{s.Regime}/{s.Stage}", $"{s.StageName} ({s.Regime})", s.AtFiling * 100,
                Labelled(Percent(s.AtFiling, none), s.AtFiling)))],
            new ChartTable([t["Stage"], t["Regime"], t["ReportsFiled"], t["CompletenessPercent"]],
                [.. f.Completeness.Select(s => (IReadOnlyList<string>)[s.StageName, s.Regime, Count(s.Filed), Percent(s.AtFiling, none)])]),
            IsTrend: false);
    }

    private static Chart TrendChart(OversightFigures f, IStringLocalizer<OversightText> t)
    {
        var none = t["NoValue"].Value;
        return new Chart(Trend, t["TrendChart"], t["TrendChartDesc"], t["MonthNoticed"], t["OnTimeRatePercent"], 100, PercentTicks, "0",
            [.. f.Trend.Select(m => new ChartPoint(MonthOf(m.Month), MonthOf(m.Month), m.Timeliness.Rate * 100,
                Labelled(Percent(m.Timeliness.Rate, none), m.Timeliness.Rate)))],
            new ChartTable([t["Month"], t["Deadlines"], t["MetOnTime"], t["OnTimeRatePercent"]],
                [.. f.Trend.Select(m => (IReadOnlyList<string>)[MonthOf(m.Month), Count(m.Timeliness.Deadlines), Count(m.Timeliness.MetOnTime),
                    Percent(m.Timeliness.Rate, none)])]),
            IsTrend: true);
    }

    public static string MonthOf(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string Labelled(string percent, double? share) => share is null ? percent : percent + "%";
}
