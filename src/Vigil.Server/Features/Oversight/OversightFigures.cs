using Vigil.Domain.Regimes;
using Vigil.Domain.Regimes.Figures;
using Vigil.Server.Features.Compliance;

namespace Vigil.Server.Features.Oversight;

/// <summary>Deadlines decided (met or overdue) and of those met on time: the parts of an on-time rate.</summary>
public sealed record Timeliness(int Deadlines, int MetOnTime)
{
    public double? Rate => Deadlines == 0 ? null : (double)MetOnTime / Deadlines;

    public static Timeliness Sum(IEnumerable<ComplianceRow> rows) =>
        rows.Aggregate(new Timeliness(0, 0), (t, r) => new Timeliness(t.Deadlines + r.Deadlines, t.MetOnTime + r.MetOnTime));
}

public sealed record GroupFigures(string Key, string Name, int Incidents, Timeliness Timeliness);

/// <summary>How many stage deadlines were met this late, or are still unmet past their due time.</summary>
public sealed record DelayBucket(string Key, int Stages);

/// <summary>One regime's stage: how many reports met it, and how complete they were when filed (0 to 1).</summary>
public sealed record StageCompleteness(string Regime, string Stage, string StageName, int Filed, double? AtFiling);

public sealed record MonthFigures(DateOnly Month, Timeliness Timeliness);

/// <summary>
/// The dashboard's figures, all made from one <see cref="ComplianceSet"/> (the API's query and evaluation): the
/// API's rows summed per organisation and sector, the calculator per regime and per month, and from the same stage
/// verdicts how late the late ones were and how complete each stage's reports were when filed.
/// </summary>
public sealed class OversightFigures
{
    /// <summary>Upper bounds of the lateness buckets; a stage met later than the last is "more than 7 days".</summary>
    public static readonly IReadOnlyList<(string Key, TimeSpan UpTo)> LateBuckets =
    [
        ("late-1h", TimeSpan.FromHours(1)), ("late-6h", TimeSpan.FromHours(6)), ("late-24h", TimeSpan.FromHours(24)),
        ("late-3d", TimeSpan.FromDays(3)), ("late-7d", TimeSpan.FromDays(7)),
    ];

    public const string LaterBucket = "late-more", OverdueBucket = "overdue";

    public OversightFigures(ComplianceSet set, DateOnly firstDay, DateOnly lastDay)
    {
        Rows = set.Rows();
        Organisations = [.. Rows.GroupBy(r => r.OrganisationId)
            .Select(g => new GroupFigures(g.Key, g.First().Organisation, IncidentsOf(set, i => i.OrganisationId == g.Key), Timeliness.Sum(g)))
            .OrderBy(g => g.Name, StringComparer.Ordinal).ThenBy(g => g.Key, StringComparer.Ordinal)];
        Sectors = [.. Rows.GroupBy(r => set.Organisations.GetValueOrDefault(r.OrganisationId)?.Sector ?? "")
            .Select(g => new GroupFigures(g.Key, g.Key, IncidentsOf(set, i => SectorOf(set, i.OrganisationId) == g.Key), Timeliness.Sum(g)))
            .OrderBy(g => g.Name, StringComparer.Ordinal)];
        Regimes = [.. set.Cases.GroupBy(c => c.Regime.Id).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.First().Regime, ComplianceCalculator.Compute(g.First().Regime, [.. g.Select(c => c.Evaluated)])))];
        var stages = set.Cases.SelectMany(c => c.Evaluated.Evaluation.Stages).ToList();
        Delays = [.. LateBuckets.Select((b, i) => new DelayBucket(b.Key, stages.Count(s => s.State == StageState.MetLate
                && s.Lateness <= b.UpTo && (i == 0 || s.Lateness > LateBuckets[i - 1].UpTo)))),
            new DelayBucket(LaterBucket, stages.Count(s => s.State == StageState.MetLate && s.Lateness > LateBuckets[^1].UpTo)),
            new DelayBucket(OverdueBucket, stages.Count(s => s.State == StageState.Overdue && s.DueUtc is not null))];
        Completeness = [.. set.Cases.GroupBy(c => c.Regime.Id).OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => g.First().Regime.Stages.Where(s => s.Starts.Kind != ClockStartKind.Request && s.Requires.Count > 0)
                .Select(stage => Filed(g.Key, stage, [.. g.SelectMany(c => c.Evaluated.Evaluation.Stages.Where(s => s.StageId == stage.Id))])))];
        var months = new List<MonthFigures>();
        for (var month = new DateOnly(firstDay.Year, firstDay.Month, 1); month <= lastDay; month = month.AddMonths(1))
        {
            var start = OversightForm.Start(month);
            var end = OversightForm.Start(month.AddMonths(1));
            var counted = set.Cases.Where(c => c.Incident.DetectedAt >= start && c.Incident.DetectedAt < end)
                .GroupBy(c => c.Regime.Id)
                .Select(g => ComplianceCalculator.Compute(g.First().Regime, [.. g.Select(c => c.Evaluated)]))
                .Aggregate(new Timeliness(0, 0), (t, f) => new Timeliness(t.Deadlines + f.Deadlines, t.MetOnTime + f.MetOnTime));
            months.Add(new MonthFigures(month, counted));
        }
        Trend = months;
    }

    /// <summary>Per organisation and regime: exactly the rows of <c>GET /api/v1/compliance</c> for the same scope.</summary>
    public IReadOnlyList<ComplianceRow> Rows { get; }

    public IReadOnlyList<GroupFigures> Organisations { get; }

    public IReadOnlyList<GroupFigures> Sectors { get; }

    public IReadOnlyList<(Regime Regime, ComplianceFigures Figures)> Regimes { get; }

    public IReadOnlyList<DelayBucket> Delays { get; }

    public IReadOnlyList<StageCompleteness> Completeness { get; }

    public IReadOnlyList<MonthFigures> Trend { get; }

    private static int IncidentsOf(ComplianceSet set, Func<CountedIncident, bool> which) =>
        set.Cases.Select(c => c.Incident).Where(which).Select(i => i.Id).Distinct().Count();

    private static string SectorOf(ComplianceSet set, string organisationId) => set.Organisations.GetValueOrDefault(organisationId)?.Sector ?? "";

    /// <summary>The stage's reports as filed: the share of its required fields given or declared unknown (as the calculator counts them).</summary>
    private static StageCompleteness Filed(string regime, RegimeStage stage, IReadOnlyList<StageEvaluation> verdicts)
    {
        var filed = verdicts.Where(v => v.AtFiling is not null && v.Required.Count > 0).ToList();
        return new StageCompleteness(regime, stage.Id, stage.Name, filed.Count,
            filed.Count == 0 ? null : filed.Average(v => (double)(v.Required.Count - v.AtFiling!.Missing.Count) / v.Required.Count));
    }
}
