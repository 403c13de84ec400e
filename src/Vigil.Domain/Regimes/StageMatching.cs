namespace Vigil.Domain.Regimes;

/// <summary>
/// Decides which submissions meet which stages of one regime.
/// <list type="bullet">
/// <item>A submission filed under the regime with <see cref="FiledSubmission.FiledAs"/> meets exactly the stages it
/// names for that regime, whether or not their clocks have started; the reporter's word is the record. A stage
/// filed before its clock could start has no due time yet and so counts as met on time.</item>
/// <item>An answer to a request meets the stage the request opened, if any, and nothing else.</item>
/// <item>Otherwise it meets the earliest-due stage(s) that are open at its receipt (clock started, not yet met, not a
/// request stage); a "without delay" stage counts as due first, and ties are met together. So a report followed by
/// updates meets a regime's stages one by one, in the order they fall due. A reporter whose one submission is meant
/// to meet several stages at once says so with <see cref="FiledSubmission.FiledAs"/>.</item>
/// </list>
/// </summary>
public static class StageMatching
{
    /// <summary>The submissions that filed each stage, per stage id, in sequence order; the first one met it.</summary>
    public static IReadOnlyDictionary<string, List<FiledSubmission>> Match(Regime regime, RegimeCase input)
    {
        var filings = regime.Stages.ToDictionary(s => s.Id, _ => new List<FiledSubmission>(), StringComparer.Ordinal);
        foreach (var submission in SubmissionsUnder(regime, input))
        {
            foreach (var stage in StagesMetBy(regime, submission, input, filings))
            {
                filings[stage.Id].Add(submission);
            }
        }
        return filings;
    }

    public static IEnumerable<FiledSubmission> SubmissionsUnder(Regime regime, RegimeCase input) =>
        input.Submissions.Where(s => s.RegimeIds.Contains(regime.Id, StringComparer.Ordinal)).OrderBy(s => s.Sequence);

    private static IEnumerable<RegimeStage> StagesMetBy(Regime regime, FiledSubmission submission, RegimeCase input,
        IReadOnlyDictionary<string, List<FiledSubmission>> filings)
    {
        if (submission.FiledAs is { } filedAs)
        {
            return filedAs.Where(f => f.RegimeId == regime.Id).Select(f => regime.Stage(f.StageId));
        }
        if (submission.AnswersRequest is { } requestId)
        {
            var request = input.Requests.FirstOrDefault(r => r.Id == requestId);
            return request?.ForStage is { } stage && stage.RegimeId == regime.Id ? [regime.Stage(stage.StageId)] : [];
        }

        var open = new List<(RegimeStage Stage, DateTimeOffset? Due)>();
        foreach (var stage in regime.Stages.Where(s => s.Starts.Kind != ClockStartKind.Request && filings[s.Id].Count == 0))
        {
            if (StageStart.Find(regime, stage, input, filings, submission.Sequence) is { } started && started.At <= submission.ReceivedAt)
            {
                open.Add((stage, StageStart.DueOf(regime, stage, started, input).Due));
            }
        }
        if (open.Count == 0)
        {
            return [];
        }
        var first = open.Any(o => o.Due is null) ? null : open.Min(o => o.Due);
        return open.Where(o => o.Due == first).Select(o => o.Stage);
    }
}
