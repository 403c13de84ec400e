using System.Globalization;

namespace Vigil.Server.Features.NoteExports;

/// <summary>Times as both export formats write them: RFC 3339 in UTC, to the millisecond, with a Z.</summary>
internal static class ExportTimes
{
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
