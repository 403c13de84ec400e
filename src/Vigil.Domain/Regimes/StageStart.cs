namespace Vigil.Domain.Regimes;

/// <summary>When a stage's clock started, what started it, and for a request stage the request that sets its due time.</summary>
public sealed record StartedClock(DateTimeOffset At, string StartedBy, InformationRequest? Request);

/// <summary>Finds when a stage's clock started, from the case's events, earlier filings and requests.</summary>
public static class StageStart
{
    /// <param name="filings">Filings so far, per stage id, in sequence order.</param>
    /// <param name="beforeSequence">Only filings before this sequence count (a stage cannot start from its own filing).</param>
    public static StartedClock? Find(Regime regime, RegimeStage stage, RegimeCase input,
        IReadOnlyDictionary<string, List<FiledSubmission>> filings, long beforeSequence)
    {
        var starts = stage.Starts;
        switch (starts.Kind)
        {
            case ClockStartKind.Event:
                return input.ClockEvents.TryGetValue(starts.Name!, out var at) ? new StartedClock(at, starts.Name!, null) : null;
            case ClockStartKind.StageFiled or ClockStartKind.StageLastFiled:
                var earlier = filings[starts.Name!].Where(f => f.Sequence < beforeSequence).ToList();
                if (earlier.Count == 0)
                {
                    return null;
                }
                var filing = starts.Kind == ClockStartKind.StageFiled ? earlier[0] : earlier[^1];
                return new StartedClock(filing.ReceivedAt, $"stage {starts.Name} filed by submission {filing.Sequence}", null);
            default:
                // The latest request for the stage governs: a fresh request replaces an earlier one.
                var request = input.Requests
                    .Where(r => r.ForStage == new StageFiling(regime.Id, stage.Id))
                    .MaxBy(r => r.OpenedAt);
                return request is null ? null : new StartedClock(request.OpenedAt, $"request {request.Id}", request);
        }
    }

    /// <summary>The due time of a started stage: the request's for a request stage, otherwise the stage clock's.</summary>
    public static StageDue DueOf(Regime regime, RegimeStage stage, StartedClock started, RegimeCase input) =>
        started.Request is { } request
            ? new StageDue(ZonedClock.ToZone(request.DueAt, regime.TimeZone),
                $"set by request {request.Id} opened {DeadlineArithmetic.Format(request.OpenedAt, regime.TimeZone)}")
            : StageClock.Compute(regime, stage, started.At, started.StartedBy, input.ClockEvents);

    /// <summary>A request stage requires the stage's own fields and the fields the request asks for.</summary>
    public static IReadOnlyList<string> RequiredFor(RegimeStage stage, StartedClock? started) =>
        started?.Request is { } request ? [.. stage.Requires.Union(request.WantedFields, StringComparer.Ordinal)] : stage.Requires;
}
