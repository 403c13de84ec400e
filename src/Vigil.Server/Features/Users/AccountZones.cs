namespace Vigil.Server.Features.Users;

/// <summary>The time zones a user may choose for the pages: the IANA zones this machine knows, by name.</summary>
public static class AccountZones
{
    private static readonly Lazy<IReadOnlyList<TimeZoneInfo>> Known = new(() =>
        [.. TimeZoneInfo.GetSystemTimeZones().Where(z => z.Id.Contains('/', StringComparison.Ordinal) || z.Id == "UTC").OrderBy(z => z.Id, StringComparer.Ordinal)]);

    public static IReadOnlyList<TimeZoneInfo> All => Known.Value;
}
