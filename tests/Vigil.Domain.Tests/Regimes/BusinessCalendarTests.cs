using Vigil.Domain.Regimes.Calendars;

namespace Vigil.Domain.Tests.Regimes;

public class BusinessCalendarTests
{
    [Theory]
    [InlineData("2024-01-15", true)] // Martin Luther King Jr. Day, third Monday of January
    [InlineData("2024-02-19", true)] // Washington's Birthday
    [InlineData("2024-05-27", true)] // Memorial Day, last Monday of May
    [InlineData("2024-06-19", true)] // Juneteenth on a Wednesday
    [InlineData("2024-09-02", true)] // Labor Day
    [InlineData("2024-10-14", true)] // Columbus Day
    [InlineData("2024-11-28", true)] // Thanksgiving, fourth Thursday
    [InlineData("2024-11-29", false)] // the day after Thanksgiving is a working day
    [InlineData("2021-12-31", true)] // New Year's Day 2022 fell on a Saturday: observed Friday 31 December 2021
    [InlineData("2021-07-05", true)] // Independence Day 2021 on a Sunday: observed Monday
    [InlineData("2020-07-03", true)] // Independence Day 2020 on a Saturday: observed Friday
    [InlineData("2022-06-20", true)] // Juneteenth 2022 on a Sunday: observed Monday
    [InlineData("2023-11-10", true)] // Veterans Day 2023 on a Saturday: observed Friday
    [InlineData("2020-06-19", false)] // Juneteenth was not yet a federal holiday
    [InlineData("2024-03-08", false)]
    public void US_federal_holidays_include_observed_days(string day, bool holiday) =>
        Assert.Equal(holiday, UsFederalHolidays.IsHoliday(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2000, "2000-04-23")]
    public void Easter_Sunday_is_computed_by_rule(int year, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), TargetClosingDays.EasterSunday(year));

    [Theory]
    [InlineData("2025-04-18", false)] // Good Friday
    [InlineData("2025-04-21", false)] // Easter Monday
    [InlineData("2025-05-01", false)]
    [InlineData("2025-12-26", false)]
    [InlineData("2025-04-22", true)]
    [InlineData("2025-03-15", false)] // a Saturday
    public void TARGET_working_days(string day, bool working) =>
        Assert.Equal(working, BusinessCalendars.EuTarget.IsWorkingDay(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Counting_working_days_never_counts_the_start_day() =>
        Assert.Equal(new DateOnly(2024, 3, 11), BusinessCalendars.Weekends.AddWorkingDays(new DateOnly(2024, 3, 8), 1));
}
