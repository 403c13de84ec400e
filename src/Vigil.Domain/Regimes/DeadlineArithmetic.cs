using System.Globalization;
using Vigil.Domain.Regimes.Calendars;

namespace Vigil.Domain.Regimes;

/// <summary>Adds a regime's periods to instants, in the regime's home zone.</summary>
public static class DeadlineArithmetic
{
    /// <summary>The end of <paramref name="period"/> from <paramref name="start"/>; null for "without delay".</summary>
    public static DateTimeOffset? Add(DateTimeOffset start, Period period, TimeZoneInfo zone) => period.Unit switch
    {
        PeriodUnit.Hours => ZonedClock.ToZone(start.AddHours(period.Amount), zone),
        PeriodUnit.Days => ZonedClock.AddDays(start, period.Amount, zone),
        PeriodUnit.Months => ZonedClock.AddMonths(start, period.Amount, zone),
        PeriodUnit.BusinessDays => AddBusinessDays(start, period, zone),
        _ => null,
    };

    /// <summary>
    /// Counts working days after the start's local date (the start's own day never counts, whatever the hour) and ends
    /// at the period's wall-clock time on the last one.
    /// </summary>
    private static DateTimeOffset AddBusinessDays(DateTimeOffset start, Period period, TimeZoneInfo zone)
    {
        var calendar = BusinessCalendars.ByName[period.Calendar!];
        var local = ZonedClock.LocalOf(start, zone);
        var day = calendar.AddWorkingDays(DateOnly.FromDateTime(local), period.Amount);
        return ZonedClock.At(day, period.Until ?? TimeOnly.FromDateTime(local), zone);
    }

    /// <summary>Moves a due time that falls on a non-working day; null when the rule does not apply.</summary>
    public static DateTimeOffset? Shift(DateTimeOffset due, NonWorkingDayRule rule, TimeZoneInfo zone)
    {
        var calendar = BusinessCalendars.ByName[rule.Calendar];
        var day = DateOnly.FromDateTime(ZonedClock.LocalOf(due, zone));
        return calendar.IsWorkingDay(day) ? null : ZonedClock.At(calendar.NextWorkingDay(day), rule.At, zone);
    }

    /// <summary>ISO 8601 with the zone's offset, to the second: how due times appear in bases and reports.</summary>
    public static string Format(DateTimeOffset instant, TimeZoneInfo zone) =>
        ZonedClock.ToZone(instant, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
