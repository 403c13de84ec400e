using System.Globalization;

namespace Vigil.Server.Features.Oversight;

/// <summary>How the oversight pages write hours: up to two decimals, in the reader's culture.</summary>
public static class OversightFormat
{
    public static string Hours(double? hours, string none) => hours is { } h ? h.ToString("0.##", CultureInfo.CurrentCulture) : none;
}
