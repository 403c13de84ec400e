namespace Vigil.Domain.Versions;

/// <summary>
/// Version ranges as advisories name them. A CSAF <c>product_version_range</c> should be a canonical <c>vers</c>
/// range, else a "vers-like" constraint (CSAF 2.0 section 3.1.2.3.2); real advisories also write ranges in words, in
/// either branch category (<c>&lt; V2.7</c>, <c>&lt; V15.1 Upd 4</c>, <c>4.x</c>, <c>before 2.19.134</c>, <c>All versions
/// &lt; V3.0.29</c>). This reads them where they say one thing only, and guesses the version scheme conservatively
/// (<see cref="VersionRangeWords"/>); anything else is left unread, never guessed.
/// </summary>
public static class VersionRangeNames
{
    /// <summary>A range read from a name, and whether it was read from words (a guess at the scheme) rather than given as <c>vers</c>.</summary>
    public sealed record Reading(VersionRange Range, bool FromWords);

    /// <summary>
    /// A <c>product_version_range</c> name: a <c>vers</c> range Vigil can answer for (every version, an ordered type, or a
    /// <c>vers:generic</c> range of dotted numbers, read as <c>intdot</c> as the CSAF examples mean it), else words.
    /// </summary>
    public static Reading? ReadRange(string name)
    {
        if (name.StartsWith("vers:", StringComparison.Ordinal))
        {
            string?[] candidates = [name, name.StartsWith("vers:generic/", StringComparison.Ordinal) ? "vers:intdot/" + name["vers:generic/".Length..] : null];
            var given = candidates.OfType<string>()
                .Select(c => VersionRange.TryParse(c, out var parsed, out _) && (parsed.IsEveryVersion || parsed.Scheme is not null) ? parsed : null)
                .FirstOrDefault(r => r is not null);
            return given is null ? null : new Reading(given, false);
        }
        return VersionRangeWords.Read(name) is { } read ? new Reading(read, true) : null;
    }
}
