namespace Vigil.Domain.Regimes.Figures;

/// <summary>One incident reported under a regime, with the engine's verdict on it.</summary>
public sealed record EvaluatedIncident(RegimeCase Case, RegimeEvaluation Evaluation, IReadOnlyList<RequestEvaluation> Requests);

/// <summary>How one organisation did under one regime: timeliness and completeness, with no content.</summary>
/// <param name="Deadlines">Stage deadlines that are decided: met (on time or late) or overdue.</param>
/// <param name="OnTimeRate">Of those, the share met on time; null when none is decided.</param>
/// <param name="MedianDelayToFirstReport">From <c>noticed</c> to the first submission under the regime.</param>
/// <param name="CompletenessAtFirstReport">The mean share of the regime's required fields answered (given or declared
/// unknown) by the first submission under it; null when the regime requires no field or nothing was filed.</param>
/// <param name="CompletenessNow">The same for the latest submission under the regime.</param>
public sealed record ComplianceFigures(
    int Incidents,
    int Deadlines,
    int MetOnTime,
    double? OnTimeRate,
    TimeSpan? MedianDelayToFirstReport,
    TimeSpan? P90DelayToFirstReport,
    double? CompletenessAtFirstReport,
    double? CompletenessNow,
    RequestFigures Requests);

/// <summary>Requests for information on the incidents, by their state.</summary>
public sealed record RequestFigures(int Total, int AnsweredOnTime, int AnsweredLate, int Overdue, int Open);

/// <summary>Computes <see cref="ComplianceFigures"/> from evaluated incidents. Pure.</summary>
public static class ComplianceCalculator
{
    /// <param name="incidents">Incidents filed under <paramref name="regime"/>, each evaluated under it. A request
    /// counts for the regime if it opened one of the regime's stages or no stage at all.</param>
    public static ComplianceFigures Compute(Regime regime, IReadOnlyCollection<EvaluatedIncident> incidents)
    {
        var decided = incidents.SelectMany(i => i.Evaluation.Stages)
            .Where(s => s.DueUtc is not null && s.State is StageState.MetOnTime or StageState.MetLate or StageState.Overdue)
            .ToList();
        var onTime = decided.Count(s => s.State == StageState.MetOnTime);
        var delays = incidents.Select(i => DelayToFirstReport(regime, i.Case)).OfType<TimeSpan>().Order().ToList();
        var required = RequiredFieldsOf(regime);
        var first = incidents.Select(i => StageMatching.SubmissionsUnder(regime, i.Case).FirstOrDefault()).OfType<FiledSubmission>().ToList();
        var latest = incidents.Select(i => StageMatching.SubmissionsUnder(regime, i.Case).LastOrDefault()).OfType<FiledSubmission>().ToList();
        var requests = incidents.SelectMany(i => i.Requests.Where(r => CountsFor(regime, i.Case, r.RequestId))).ToList();

        return new ComplianceFigures(
            incidents.Count,
            decided.Count,
            onTime,
            decided.Count == 0 ? null : (double)onTime / decided.Count,
            Percentile(delays, 0.5),
            Percentile(delays, 0.9),
            MeanCompleteness(first, required),
            MeanCompleteness(latest, required),
            new RequestFigures(requests.Count,
                requests.Count(r => r.State == RequestState.AnsweredOnTime),
                requests.Count(r => r.State == RequestState.AnsweredLate),
                requests.Count(r => r.State == RequestState.Overdue),
                requests.Count(r => r.State == RequestState.Open)));
    }

    /// <summary>The nearest-rank percentile of sorted values; null for none.</summary>
    public static TimeSpan? Percentile(IReadOnlyList<TimeSpan> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>Every field the regime's own stages require (stages opened by a request ask for what the request says).</summary>
    public static IReadOnlyList<string> RequiredFieldsOf(Regime regime) =>
        [.. regime.Stages.Where(s => s.Starts.Kind != ClockStartKind.Request).SelectMany(s => s.Requires).Distinct(StringComparer.Ordinal)];

    private static TimeSpan? DelayToFirstReport(Regime regime, RegimeCase input)
    {
        var first = StageMatching.SubmissionsUnder(regime, input).FirstOrDefault();
        if (first is null || !input.ClockEvents.TryGetValue(ClockEvents.Noticed, out var noticed))
        {
            return null;
        }
        return first.ReceivedAt > noticed ? first.ReceivedAt - noticed : TimeSpan.Zero;
    }

    private static double? MeanCompleteness(IReadOnlyList<FiledSubmission> submissions, IReadOnlyList<string> required)
    {
        if (required.Count == 0 || submissions.Count == 0)
        {
            return null;
        }
        return submissions.Average(s => (double)(required.Count - RequiredFields.Check(s.ViewAfter, required).Missing.Count) / required.Count);
    }

    private static bool CountsFor(Regime regime, RegimeCase input, string requestId) =>
        input.Requests.FirstOrDefault(r => r.Id == requestId)?.ForStage is not { } stage || stage.RegimeId == regime.Id;
}
