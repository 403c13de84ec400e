namespace Vigil.Domain.Regimes;

/// <summary>A reminder that is due: a stage or request, its due time, and the lead time it is for (null: overdue).</summary>
/// <param name="Subject">What it is about, stable across evaluations: <c>regime-id/stage-id</c> or <c>request/N</c>.</param>
public sealed record DueReminder(string Subject, string? RegimeId, string? StageId, string? RequestId, DateTimeOffset DueAt, TimeSpan? Lead)
{
    public bool IsOverdue => Lead is null;
}

/// <summary>
/// Which reminders an evaluation calls for now. For every unmet deadline: once it is past, the overdue reminder;
/// before that, the reminder for the shortest lead time already reached (2 h before, then 30 min before). A lead time
/// passed while nobody looked is overtaken by the next one rather than raised late; the caller raises each once.
/// </summary>
public static class ReminderSchedule
{
    public static IReadOnlyList<DueReminder> Due(CaseEvaluation evaluation, IReadOnlyCollection<TimeSpan> leads, DateTimeOffset now)
    {
        var due = new List<DueReminder>();
        foreach (var regime in evaluation.Regimes)
        {
            foreach (var stage in regime.Stages.Where(s => s.DueUtc is not null && s.State is StageState.Pending or StageState.DueSoon or StageState.Overdue))
            {
                Add(due, $"{regime.RegimeId}/{stage.StageId}", regime.RegimeId, stage.StageId, null, stage.DueUtc!.Value, leads, now);
            }
        }
        foreach (var request in evaluation.Requests.Where(r => r.State is RequestState.Open or RequestState.Overdue))
        {
            Add(due, $"request/{request.RequestId}", null, null, request.RequestId, request.DueAt, leads, now);
        }
        return due;
    }

    private static void Add(List<DueReminder> due, string subject, string? regimeId, string? stageId, string? requestId,
        DateTimeOffset dueAt, IReadOnlyCollection<TimeSpan> leads, DateTimeOffset now)
    {
        // Whole milliseconds: the moment is part of the reminder's identity, and databases keep different precisions.
        dueAt = new DateTimeOffset(dueAt.UtcTicks - dueAt.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        if (now > dueAt)
        {
            due.Add(new DueReminder(subject, regimeId, stageId, requestId, dueAt, null));
            return;
        }
        var reached = leads.Where(lead => now >= dueAt - lead).ToList();
        if (reached.Count > 0)
        {
            due.Add(new DueReminder(subject, regimeId, stageId, requestId, dueAt, reached.Min()));
        }
    }
}
