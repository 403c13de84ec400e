using Vigil.Domain.Versions;

namespace Vigil.Domain.Exposure;

/// <summary>
/// A component's version as a range's scheme reads it. Inventories write versions loosely ("v2.19", "2.19"), so a
/// leading "v" is dropped and, for semver, missing minor and patch numbers count as zeros. Anything else the scheme
/// refuses stays unreadable (a version that cannot be ordered is never guessed into a range); a release such as
/// "V15.1 Update 4" is read as <see cref="SiemensVersionScheme.Canonical"/> says.
/// </summary>
public static class ComponentVersion
{
    public static string? ForScheme(VersionScheme scheme, string version)
    {
        var text = WithoutLeadingV(version.Trim());
        if (scheme is SiemensVersionScheme)
        {
            return SiemensVersionScheme.Canonical(text);
        }
        if (scheme.Problem(text) is null)
        {
            return text;
        }
        if (scheme.Names.Contains("semver"))
        {
            var core = text.Split('-', '+')[0];
            var padded = core.Split('.').Length switch { 1 => ".0.0", 2 => ".0", _ => null };
            if (padded is not null && scheme.Problem(core + padded + text[core.Length..]) is null)
            {
                return core + padded + text[core.Length..];
            }
        }
        return null;
    }

    /// <summary>The version without the "v" often written before it ("v2.19" is 2.19); a "v" before anything but a digit stays.</summary>
    public static string WithoutLeadingV(string version) =>
        version.Length > 1 && version[0] is 'v' or 'V' && char.IsAsciiDigit(version[1]) ? version[1..] : version;
}
