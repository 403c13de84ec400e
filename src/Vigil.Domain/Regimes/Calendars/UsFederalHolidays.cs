namespace Vigil.Domain.Regimes.Calendars;

/// <summary>
/// The legal public holidays of 5 U.S.C. 6103(a), computed by rule, and the days they are observed on: a holiday on
/// a Saturday is observed the Friday before, one on a Sunday the Monday after (5 U.S.C. 6103(b), Executive Order
/// 11582). Monday holidays follow the Uniform Monday Holiday Act, so years before 1971 are not modelled; Juneteenth
/// counts from 2021; Inauguration Day, a holiday only around Washington, D.C., is left out.
/// </summary>
public static class UsFederalHolidays
{
    /// <summary>True on a holiday's observed day (which for a weekday holiday is the day itself).</summary>
    public static bool IsHoliday(DateOnly day) =>
        ObservedIn(day.Year).Contains(day) || (day.Month == 12 && ObservedIn(day.Year + 1).Contains(day));

    /// <summary>The observed days of the holidays of <paramref name="year"/>; New Year's Day may be observed on 31 December before.</summary>
    public static IReadOnlyList<DateOnly> ObservedIn(int year) => [.. ActualIn(year).Select(h => Observed(h.Date))];

    public static IReadOnlyList<(string Name, DateOnly Date)> ActualIn(int year)
    {
        var holidays = new List<(string, DateOnly)>
        {
            ("New Year's Day", new DateOnly(year, 1, 1)),
            ("Birthday of Martin Luther King, Jr.", Nth(year, 1, DayOfWeek.Monday, 3)),
            ("Washington's Birthday", Nth(year, 2, DayOfWeek.Monday, 3)),
            ("Memorial Day", Last(year, 5, DayOfWeek.Monday)),
            ("Independence Day", new DateOnly(year, 7, 4)),
            ("Labor Day", Nth(year, 9, DayOfWeek.Monday, 1)),
            ("Columbus Day", Nth(year, 10, DayOfWeek.Monday, 2)),
            ("Veterans Day", new DateOnly(year, 11, 11)),
            ("Thanksgiving Day", Nth(year, 11, DayOfWeek.Thursday, 4)),
            ("Christmas Day", new DateOnly(year, 12, 25)),
        };
        if (year >= 2021)
        {
            holidays.Add(("Juneteenth National Independence Day", new DateOnly(year, 6, 19)));
        }
        return holidays;
    }

    public static DateOnly Observed(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(-1),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };

    private static DateOnly Nth(int year, int month, DayOfWeek weekday, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)weekday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + (7 * (n - 1)));
    }

    private static DateOnly Last(int year, int month, DayOfWeek weekday)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)weekday + 7) % 7));
    }
}
