namespace Vigil.Domain.Regimes;

/// <summary>One line of a deadline sheet: when a stage is due and why, or what its clock waits for.</summary>
/// <param name="Due">In the regime's home zone; null when the clock waits for something or the rule sets no time.</param>
public sealed record StageDeadline(string StageId, string StageName, DateTimeOffset? Due, string Basis, string? WaitsFor);

/// <summary>What a regime would require, for a compliance officer asking "if this happened then, when is what due?".</summary>
public sealed record DeadlineSheet(string RegimeId, string RegimeName, string TimeZoneId, IReadOnlyList<StageDeadline> Stages);

/// <summary>
/// The offline deadline calculator behind <c>vigil deadlines</c>: due times from clock events alone, no incident.
/// A stage that runs from an earlier stage's filing is computed as if that stage were filed exactly at its deadline
/// (the latest the law allows), unless <c>filedAt</c> gives the real filing time; the basis says which.
/// </summary>
public static class DeadlineCalculator
{
    public static DeadlineSheet Calculate(Regime regime, IReadOnlyDictionary<string, DateTimeOffset> events,
        IReadOnlyDictionary<string, DateTimeOffset>? filedAt = null)
    {
        var assumedFiling = new Dictionary<string, (DateTimeOffset At, bool Assumed)>(StringComparer.Ordinal);
        var lines = new List<StageDeadline>();
        foreach (var stage in regime.Stages)
        {
            var line = Line(regime, stage, events, assumedFiling);
            lines.Add(line);
            if (filedAt?.TryGetValue(stage.Id, out var filed) == true)
            {
                assumedFiling[stage.Id] = (filed, false);
            }
            else if (line.Due is { } due)
            {
                assumedFiling[stage.Id] = (due, true);
            }
        }
        return new DeadlineSheet(regime.Id, regime.Name, regime.TimeZone.Id, lines);
    }

    private static StageDeadline Line(Regime regime, RegimeStage stage, IReadOnlyDictionary<string, DateTimeOffset> events,
        Dictionary<string, (DateTimeOffset At, bool Assumed)> filings)
    {
        var starts = stage.Starts;
        switch (starts.Kind)
        {
            case ClockStartKind.Request:
                return new StageDeadline(stage.Id, stage.Name, null, "due when the authority's request says", starts.Describe());
            case ClockStartKind.Event when events.TryGetValue(starts.Name!, out var at):
                var due = StageClock.Compute(regime, stage, at, starts.Name!, events);
                return new StageDeadline(stage.Id, stage.Name, due.Due, due.Basis, null);
            case ClockStartKind.StageFiled or ClockStartKind.StageLastFiled when filings.TryGetValue(starts.Name!, out var filing):
                var startedBy = filing.Assumed
                    ? $"stage {starts.Name} filed, assumed at its deadline"
                    : $"stage {starts.Name} filed";
                var fromStage = StageClock.Compute(regime, stage, filing.At, startedBy, events);
                return new StageDeadline(stage.Id, stage.Name, fromStage.Due, fromStage.Basis, null);
            default:
                return new StageDeadline(stage.Id, stage.Name, null, $"waits for {starts.Describe()}", starts.Describe());
        }
    }
}
