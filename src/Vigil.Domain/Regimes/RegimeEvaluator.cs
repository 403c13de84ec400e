using System.Text.Json.Nodes;

namespace Vigil.Domain.Regimes;

/// <summary>
/// Evaluates an incident against its regimes: each stage's due time, state, meeting submission and missing details.
/// Pure: the only clock is the <see cref="TimeProvider"/> passed in.
/// </summary>
public static class RegimeEvaluator
{
    /// <summary>An unmet stage due within this window is <see cref="StageState.DueSoon"/>.</summary>
    public static readonly TimeSpan DueSoonWindow = TimeSpan.FromHours(1);

    /// <summary>"Report once, file many": the case under every regime given, and its requests for information.</summary>
    public static CaseEvaluation EvaluateCase(IEnumerable<Regime> regimes, RegimeCase input, TimeProvider time) =>
        new([.. regimes.Select(r => Evaluate(r, input, time))], RequestEvaluator.Evaluate(input, time));

    public static RegimeEvaluation Evaluate(Regime regime, RegimeCase input, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var filings = StageMatching.Match(regime, input);
        var latestView = StageMatching.SubmissionsUnder(regime, input).LastOrDefault()?.ViewAfter;
        var stages = regime.Stages.Select(stage => EvaluateStage(regime, stage, input, filings, latestView, now));
        // An incident is judged by the rules in force when it was received: its first submission, or now before any.
        var received = input.Submissions.OrderBy(s => s.Sequence).FirstOrDefault()?.ReceivedAt ?? now;
        var inForce = regime.InForce.At(received, regime.TimeZone);
        return new RegimeEvaluation(regime.Id, regime.Name, regime.TimeZone.Id, [.. stages], inForce,
            inForce ? null : $"{NotInForceAtTheTime} ({regime.InForce.Describe()}); shown as it would have applied", regime.InForce);
    }

    /// <summary>The words that open the remark on a regime that did not apply when the incident was received.</summary>
    public const string NotInForceAtTheTime = "not in force at the time";

    private static StageEvaluation EvaluateStage(Regime regime, RegimeStage stage, RegimeCase input,
        IReadOnlyDictionary<string, List<FiledSubmission>> filings, JsonObject? latestView, DateTimeOffset now)
    {
        var met = filings[stage.Id].FirstOrDefault();
        var started = StageStart.Find(regime, stage, input, filings, met?.Sequence ?? long.MaxValue);
        var required = StageStart.RequiredFor(stage, started);
        var atFiling = met is null ? null : RequiredFields.Check(met.ViewAfter, required);
        var current = RequiredFields.Check(latestView, required);
        var due = started is null ? null : StageStart.DueOf(regime, stage, started, input);
        var dueAt = due?.Due;
        var lateness = met is not null && dueAt is { } d && met.ReceivedAt > d ? met.ReceivedAt - d : (TimeSpan?)null;

        var state = (met, started, dueAt) switch
        {
            (not null, _, _) => lateness is null ? StageState.MetOnTime : StageState.MetLate,
            (null, null, _) => StageState.NotStarted,
            (null, { } s, _) when s.At > now => StageState.NotStarted,
            (null, _, null) => StageState.Pending,
            (null, _, { } at) when now > at => StageState.Overdue,
            (null, _, { } at) when at - now <= DueSoonWindow => StageState.DueSoon,
            _ => StageState.Pending,
        };
        return new StageEvaluation(stage.Id, stage.Name, state, dueAt?.ToUniversalTime(), dueAt, due?.Basis,
            started is null ? stage.Starts.Describe() : null, met?.Sequence, met?.ReceivedAt, lateness, required, atFiling, current);
    }
}
