using System.Globalization;

namespace Vigil.Indicators.Stix;

/// <summary>STIX timestamps: RFC 3339 in UTC with a 'Z', at least millisecond precision.</summary>
internal static class StixTimestamp
{
    public static string Format(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        // Keep sub-millisecond digits when present: an object's version is its id plus 'modified', so they must survive a round trip.
        var fraction = utc.ToString("fffffff", CultureInfo.InvariantCulture).TrimEnd('0').PadRight(3, '0');
        return utc.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture) + "." + fraction + "Z";
    }

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
