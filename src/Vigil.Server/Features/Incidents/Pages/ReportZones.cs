using System.Security.Claims;
using Vigil.Domain.Regimes;
using Vigil.Server.Infrastructure.Web;

namespace Vigil.Server.Features.Incidents.Pages;

/// <summary>
/// The zones a reporter may give the form's times in: its own (by default its organisation's country's), the home
/// zones of the loaded regimes, and UTC. A browser's datetime-local has no zone; the chosen one gives it its offset.
/// </summary>
public static class ReportZones
{
    public const string Field = "zone";

    public static IReadOnlyList<TimeZoneInfo> Offered(ClaimsPrincipal reader, WebOptions web, RegimeCatalog regimes) =>
        [.. new[] { ReaderPreferences.ZoneOf(reader, web.DefaultTimeZone) }
            .Concat(regimes.All.Select(r => r.TimeZone).OrderBy(z => z.Id, StringComparer.Ordinal))
            .Append(TimeZoneInfo.Utc)
            .DistinctBy(z => z.Id)];

    /// <summary>The zone the form names, if offered; else the reader's own.</summary>
    public static TimeZoneInfo Chosen(ReportForm form, ClaimsPrincipal reader, WebOptions web, RegimeCatalog regimes)
    {
        var offered = Offered(reader, web, regimes);
        return offered.FirstOrDefault(z => z.Id == form.Value(Field)) ?? offered[0];
    }
}
