namespace Vigil.Domain.Regimes.Calendars;

/// <summary>
/// The closing days of TARGET2, the euro area's payment system, as the ECB publishes them: New Year's Day, Good
/// Friday, Easter Monday, Labour Day (1 May), Christmas Day and 26 December.
/// </summary>
public static class TargetClosingDays
{
    public static bool IsClosingDay(DateOnly day)
    {
        if ((day.Month, day.Day) is (1, 1) or (5, 1) or (12, 25) or (12, 26))
        {
            return true;
        }
        var easter = EasterSunday(day.Year);
        return day == easter.AddDays(-2) || day == easter.AddDays(1);
    }

    /// <summary>Western (Gregorian) Easter Sunday by the anonymous Gregorian computus.</summary>
    public static DateOnly EasterSunday(int year)
    {
        var golden = year % 19;
        var century = year / 100;
        var yearOfCentury = year % 100;
        var leapCorrection = century / 4;
        var centuryRemainder = century % 4;
        var moonCorrection = (century + 8) / 25;
        var moonOrbit = (century - moonCorrection + 1) / 3;
        var epact = ((19 * golden) + century - leapCorrection - moonOrbit + 15) % 30;
        var yearQuarter = yearOfCentury / 4;
        var yearQuarterRemainder = yearOfCentury % 4;
        var weekday = (32 + (2 * centuryRemainder) + (2 * yearQuarter) - epact - yearQuarterRemainder) % 7;
        var shift = (golden + (11 * epact) + (22 * weekday)) / 451;
        var monthDay = epact + weekday - (7 * shift) + 114;
        return new DateOnly(year, monthDay / 31, (monthDay % 31) + 1);
    }
}
