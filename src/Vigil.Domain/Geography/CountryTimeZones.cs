using System.Reflection;

namespace Vigil.Domain.Geography;

/// <summary>
/// The time zone a country's people mostly live in (IANA ids, from the tz database; see SOURCES.md): where times are
/// shown to a reader who has chosen no zone of its own, by its organisation's country.
/// </summary>
public static class CountryTimeZones
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Zones = new(Load);

    /// <summary>The zone of an ISO 3166-1 alpha-2 country, or null when the list has none.</summary>
    public static string? For(string country) => Zones.Value.GetValueOrDefault(country);

    private static IReadOnlyDictionary<string, string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Vigil.Domain.Geography.country-zones.tsv")
            ?? throw new InvalidOperationException("The country zone list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var zones = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Split('\t') is [var country, var zone])
            {
                zones[country] = zone;
            }
        }
        return zones;
    }
}
