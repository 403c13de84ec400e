namespace Vigil.Server.Infrastructure.Web;

/// <summary>
/// How a zone is named beside a time: its usual abbreviation where people use one (IST, CET, EDT...), else its offset
/// from UTC. Abbreviations are the same in every language.
/// </summary>
public static class ZoneLabels
{
    private static readonly Dictionary<string, (string Standard, string? Summer)> Known = new(StringComparer.Ordinal)
    {
        ["Asia/Kolkata"] = ("IST", null), ["Asia/Colombo"] = ("IST", null), ["Asia/Dhaka"] = ("BST", null),
        ["Asia/Karachi"] = ("PKT", null), ["Asia/Singapore"] = ("SGT", null), ["Asia/Tokyo"] = ("JST", null),
        ["Asia/Shanghai"] = ("CST", null), ["Asia/Dubai"] = ("GST", null), ["Etc/UTC"] = ("UTC", null), ["UTC"] = ("UTC", null),
        ["Europe/London"] = ("GMT", "BST"), ["Europe/Dublin"] = ("GMT", "IST"), ["Europe/Lisbon"] = ("WET", "WEST"),
        ["Europe/Berlin"] = ("CET", "CEST"), ["Europe/Paris"] = ("CET", "CEST"), ["Europe/Brussels"] = ("CET", "CEST"),
        ["Europe/Amsterdam"] = ("CET", "CEST"), ["Europe/Madrid"] = ("CET", "CEST"), ["Europe/Rome"] = ("CET", "CEST"),
        ["Europe/Athens"] = ("EET", "EEST"), ["Europe/Helsinki"] = ("EET", "EEST"), ["Europe/Moscow"] = ("MSK", null),
        ["America/New_York"] = ("EST", "EDT"), ["America/Chicago"] = ("CST", "CDT"), ["America/Denver"] = ("MST", "MDT"),
        ["America/Los_Angeles"] = ("PST", "PDT"), ["Australia/Sydney"] = ("AEST", "AEDT"),
    };

    public static string Of(TimeZoneInfo zone, DateTimeOffset at)
    {
        if (Known.TryGetValue(zone.Id, out var names))
        {
            return zone.IsDaylightSavingTime(at) && names.Summer is { } summer ? summer : names.Standard;
        }
        var offset = zone.GetUtcOffset(at);
        return offset == TimeSpan.Zero ? "UTC" : $"UTC{(offset < TimeSpan.Zero ? "−" : "+")}{offset:hh\\:mm}";
    }
}
