using System.Globalization;

namespace Vigil.Domain.Regimes;

/// <summary>
/// The unit words of a duration, each a format with one placeholder for the number: the CLI's English, or a page's
/// resource strings in the reader's language.
/// </summary>
public sealed record DurationUnits(string Day, string Days, string Hours, string Minutes)
{
    public static readonly DurationUnits English = new("{0} day", "{0} days", "{0} h", "{0} min");
}

/// <summary>
/// A duration for people, in the one shape the CLI and the pages share: whole days (grouped digits, "2,762 days"),
/// hours, and minutes only when under a day ("2,762 days 7 h", "3 h 12 min", "0 min"). Rounding is <see cref="TimeLeft"/>'s.
/// </summary>
public static class DurationText
{
    public static string Format(TimeSpan span, DurationUnits units, IFormatProvider culture) => Format(TimeLeft.Of(span), units, culture);

    public static string Format(TimeLeft left, DurationUnits units, IFormatProvider culture)
    {
        string Part(string unit, int value) => string.Format(culture, unit, value.ToString("N0", culture));
        return string.Join(" ", new[]
        {
            left.Days > 0 ? Part(left.Days == 1 ? units.Day : units.Days, left.Days) : null,
            left.Hours > 0 ? Part(units.Hours, left.Hours) : null,
            left.Days == 0 && (left.Minutes > 0 || left.Hours == 0) ? Part(units.Minutes, left.Minutes) : null,
        }.Where(part => part is not null));
    }

    /// <summary>The CLI's form, in English with the invariant culture's digits.</summary>
    public static string English(TimeSpan span) => Format(span, DurationUnits.English, CultureInfo.InvariantCulture);
}
