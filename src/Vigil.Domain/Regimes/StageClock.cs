using System.Globalization;

namespace Vigil.Domain.Regimes;

/// <summary>A stage's due time (in the home zone) and, in words, why it is that time.</summary>
public sealed record StageDue(DateTimeOffset? Due, string Basis);

/// <summary>Turns a started stage clock into a due time: its period, then any backstop that bites, then the
/// non-working-day rule.</summary>
public static class StageClock
{
    /// <param name="startedBy">What started the clock, in words ("noticed", "stage initial filed").</param>
    public static StageDue Compute(Regime regime, RegimeStage stage, DateTimeOffset start, string startedBy,
        IReadOnlyDictionary<string, DateTimeOffset> events)
    {
        var zone = regime.TimeZone;
        var period = stage.Within ?? Period.WithoutDelay;
        var due = DeadlineArithmetic.Add(start, period, zone);
        var basis = due is null
            ? $"without delay after {startedBy} ({DeadlineArithmetic.Format(start, zone)}); no fixed time limit"
            : $"{period.Describe()} after {startedBy} ({DeadlineArithmetic.Format(start, zone)})";

        foreach (var backstop in stage.Backstops)
        {
            if (!events.TryGetValue(backstop.Event, out var from) || DeadlineArithmetic.Add(from, backstop.Within, zone) is not { } limit)
            {
                continue;
            }
            if (due is null || limit < due)
            {
                basis = $"{backstop.Within.Describe()} after {backstop.Event} ({DeadlineArithmetic.Format(from, zone)}), a backstop that is earlier than {basis}";
                due = limit;
            }
        }

        if (due is { } unshifted && stage.NonWorkingDay is { } rule && DeadlineArithmetic.Shift(unshifted, rule, zone) is { } moved)
        {
            var local = ZonedClock.ToZone(unshifted, zone);
            basis += $"; that falls on a non-working {local.DayOfWeek.ToString()} ({rule.Calendar}), so it moves to "
                + $"{rule.At.ToString("HH:mm", CultureInfo.InvariantCulture)} on the next working day";
            due = moved;
        }
        return new StageDue(due is { } d ? ZonedClock.ToZone(d, zone) : null, basis);
    }
}
