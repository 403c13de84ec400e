namespace Vigil.Domain.Regimes.Calendars;

/// <summary>The working-day calendars a regime file may name.</summary>
public static class BusinessCalendars
{
    /// <summary>Saturdays and Sundays only.</summary>
    public static readonly BusinessCalendar Weekends = new("weekends", "Saturdays and Sundays", _ => false);

    /// <summary>Weekends and US federal holidays with their observed days (5 U.S.C. 6103).</summary>
    public static readonly BusinessCalendar UsFederal = new("us-federal",
        "Saturdays, Sundays and the US federal holidays of 5 U.S.C. 6103, each also on its observed day", UsFederalHolidays.IsHoliday);

    /// <summary>
    /// Weekends and the TARGET2 closing days. EU law leaves public holidays to each member state; this calendar is the
    /// one set of days common to the euro area's payment system, used where a regime needs an EU-wide stand-in.
    /// </summary>
    public static readonly BusinessCalendar EuTarget = new("eu-target",
        "Saturdays, Sundays and the TARGET2 closing days (1 January, Good Friday, Easter Monday, 1 May, 25 and 26 December)",
        TargetClosingDays.IsClosingDay);

    public static readonly IReadOnlyDictionary<string, BusinessCalendar> ByName =
        new[] { Weekends, UsFederal, EuTarget }.ToDictionary(c => c.Name, StringComparer.Ordinal);
}
