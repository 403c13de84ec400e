namespace Vigil.Domain.Regimes;

/// <summary>
/// How a deadline stands against now, in the whole days, hours and minutes people read ("in 3 h 12 min", "overdue by
/// 2 h"): the words are the page's, in the reader's language; the arithmetic is here.
/// </summary>
public readonly record struct TimeLeft(bool Overdue, int Days, int Hours, int Minutes)
{
    public static TimeLeft Between(DateTimeOffset now, DateTimeOffset due) => Of(due - now);

    /// <summary>A span in the same whole units: a negative span is <see cref="Overdue"/>.</summary>
    public static TimeLeft Of(TimeSpan span)
    {
        var overdue = span < TimeSpan.Zero;
        // Whole minutes, rounded away from now so that "in 0 min" is never shown for a deadline still ahead.
        var minutes = (long)Math.Ceiling(Math.Abs(span.TotalMinutes) - 1e-9);
        return new TimeLeft(overdue, (int)(minutes / 1440), (int)(minutes % 1440 / 60), (int)(minutes % 60));
    }
}
