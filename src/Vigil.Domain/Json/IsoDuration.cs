using System.Xml;

namespace Vigil.Domain.Json;

/// <summary>
/// Durations in JSON answers (<c>late_by</c>, a reminder's lead): ISO 8601 in whole seconds (<c>P6DT18H0M12S</c>),
/// never the clock's ticks (<c>P2762DT7H31M21.767926S</c>). A fraction is rounded up, so that something late by
/// 0.3 s never reads as late by nothing.
/// </summary>
public static class IsoDuration
{
    public static string Format(TimeSpan span)
    {
        var seconds = Math.Ceiling(Math.Abs(span.TotalSeconds) - 1e-9);
        return XmlConvert.ToString(TimeSpan.FromSeconds(span < TimeSpan.Zero ? -seconds : seconds));
    }

    public static string? Format(TimeSpan? span) => span is { } s ? Format(s) : null;
}
