using System.Globalization;

namespace Vigil.Domain.Regimes;

public enum PeriodUnit
{
    /// <summary>Elapsed hours: a DST change does not stretch or shrink them.</summary>
    Hours,

    /// <summary>Calendar days in the home zone: the same wall-clock time N days later.</summary>
    Days,

    /// <summary>Calendar months in the home zone, clamped to the month's end (31 January + 1 month = end of February).</summary>
    Months,

    /// <summary>Working days of a named calendar after the start's date, ending at a wall-clock time.</summary>
    BusinessDays,

    /// <summary>"Without (undue) delay": no fixed limit, so the stage is never shown as overdue.</summary>
    WithoutDelay,
}

/// <summary>A span of time as a regime states it.</summary>
/// <param name="Calendar">For business days: the working-day calendar.</param>
/// <param name="Until">For business days: the wall-clock time the last day ends (for the SEC, EDGAR's 17:30 cut-off);
/// null keeps the start's time of day.</param>
public sealed record Period(PeriodUnit Unit, int Amount, string? Calendar = null, TimeOnly? Until = null)
{
    public static readonly Period WithoutDelay = new(PeriodUnit.WithoutDelay, 0);

    public static Period Hours(int n) => new(PeriodUnit.Hours, n);

    public static Period Days(int n) => new(PeriodUnit.Days, n);

    public static Period Months(int n) => new(PeriodUnit.Months, n);

    public static Period BusinessDays(int n, string calendar, TimeOnly? until = null) => new(PeriodUnit.BusinessDays, n, calendar, until);

    public string Describe() => Unit switch
    {
        PeriodUnit.Hours => Plural(Amount, "hour"),
        PeriodUnit.Days => Plural(Amount, "day"),
        PeriodUnit.Months => Plural(Amount, "month"),
        PeriodUnit.BusinessDays => Plural(Amount, "business day") + $" ({Calendar})"
            + (Until is { } t ? $" ending {t.ToString("HH:mm", CultureInfo.InvariantCulture)}" : ""),
        _ => "without delay",
    };

    private static string Plural(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
}
