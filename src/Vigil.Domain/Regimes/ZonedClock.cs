namespace Vigil.Domain.Regimes;

/// <summary>
/// Wall-clock arithmetic in an IANA zone. A wall-clock time that falls in a DST gap is moved forward by the length of
/// the gap (02:30 on the spring-forward night in Berlin becomes 03:30 CEST); one that occurs twice is taken at its
/// first occurrence, the earlier instant, because that is when the clock first shows it.
/// </summary>
public static class ZonedClock
{
    public static TimeZoneInfo Find(string ianaId) => TimeZoneInfo.FindSystemTimeZoneById(ianaId);

    public static DateTimeOffset ToZone(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone);

    /// <summary>The wall-clock date and time of <paramref name="instant"/> in the zone.</summary>
    public static DateTime LocalOf(DateTimeOffset instant, TimeZoneInfo zone) => ToZone(instant, zone).DateTime;

    /// <summary>The instant at which the zone's wall clock reads <paramref name="local"/>.</summary>
    public static DateTimeOffset Resolve(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(local))
        {
            // The offset in force before the gap; a day earlier is always before it in real zones.
            offset = zone.GetUtcOffset(local.AddDays(-1));
        }
        else if (zone.IsAmbiguousTime(local))
        {
            offset = zone.GetAmbiguousTimeOffsets(local).Max();
        }
        else
        {
            offset = zone.GetUtcOffset(local);
        }
        return ToZone(new DateTimeOffset(local - offset, TimeSpan.Zero), zone);
    }

    public static DateTimeOffset AddDays(DateTimeOffset start, int days, TimeZoneInfo zone) =>
        Resolve(LocalOf(start, zone).AddDays(days), zone);

    /// <summary>Calendar months on the wall clock; a day past the target month's end clamps to its last day.</summary>
    public static DateTimeOffset AddMonths(DateTimeOffset start, int months, TimeZoneInfo zone) =>
        Resolve(LocalOf(start, zone).AddMonths(months), zone);

    public static DateTimeOffset At(DateOnly day, TimeOnly time, TimeZoneInfo zone) => Resolve(day.ToDateTime(time), zone);
}
