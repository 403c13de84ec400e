namespace Vigil.Domain.Regimes;

/// <summary>
/// When a regime applies, as dates in its home zone: from <see cref="From"/> (the first day it applies) to
/// <see cref="Until"/> (the last day it applies), either open. A regime with no date set yet (a proposed rule) is
/// <see cref="NotYet"/>. The engine still shows what such a regime would require: a regime not in force when an
/// incident was received is a remark on the verdict, not a reason to hide it.
/// </summary>
public sealed record InForce(DateOnly? From, DateOnly? Until, bool DateSet = true)
{
    /// <summary>For a regime file that says nothing about its dates (older files, test fixtures): always in force.</summary>
    public static readonly InForce Always = new(null, null);

    /// <summary>A proposed rule: no date in force has been set.</summary>
    public static readonly InForce NotYet = new(null, null, DateSet: false);

    /// <summary>Whether the regime applied at <paramref name="instant"/>, judged by the day it was in <paramref name="zone"/>.</summary>
    public bool At(DateTimeOffset instant, TimeZoneInfo zone)
    {
        if (!DateSet)
        {
            return false;
        }
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
        return (From is not { } from || day >= from) && (Until is not { } until || day <= until);
    }

    /// <summary>Why the regime did not apply at a moment it did not apply, in words: "in force from 28 June 2022".</summary>
    public string Describe() => (DateSet, From, Until) switch
    {
        (false, _, _) => "no date in force has been set",
        (_, { } from, { } until) => $"in force from {Day(from)} to {Day(until)}",
        (_, { } from, null) => $"in force from {Day(from)}",
        (_, null, { } until) => $"in force until {Day(until)}",
        _ => "in force",
    };

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
