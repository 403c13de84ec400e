namespace Vigil.Domain.Regimes.Calendars;

/// <summary>A named working-day calendar: Saturdays and Sundays off, plus the holidays a rule computes.</summary>
public sealed class BusinessCalendar(string name, string description, Func<DateOnly, bool> isHoliday)
{
    public string Name { get; } = name;

    /// <summary>What the calendar holds and where its rules come from.</summary>
    public string Description { get; } = description;

    public bool IsHoliday(DateOnly day) => isHoliday(day);

    public bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !isHoliday(day);

    /// <summary>The first working day strictly after <paramref name="day"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly day)
    {
        var next = day.AddDays(1);
        while (!IsWorkingDay(next))
        {
            next = next.AddDays(1);
        }
        return next;
    }

    /// <summary>The <paramref name="count"/>-th working day after <paramref name="day"/>; the day itself never counts.</summary>
    public DateOnly AddWorkingDays(DateOnly day, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var result = day;
        for (var i = 0; i < count; i++)
        {
            result = NextWorkingDay(result);
        }
        return result;
    }
}
