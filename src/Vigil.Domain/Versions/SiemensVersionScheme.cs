using System.Globalization;
using System.Text.RegularExpressions;

namespace Vigil.Domain.Versions;

/// <summary>
/// Releases as Siemens (and other industrial vendors) name them: a dotted release, then a service pack, an update and
/// a hotfix, each optional and each a sub-level of the one before: <c>V14 &lt; V14 SP1 &lt; V14 SP1 Upd 11 &lt; V15 &lt;
/// V15.1 &lt; V15.1 Upd 4 &lt; V15.1.1</c>, <c>V5.6 SP2 &lt; V5.6 SP2 HF3 &lt; V5.6 SP3</c>. Not a registered <c>vers</c>
/// type, hence the <c>x-</c> name: Vigil only reads advisories' words into it (<see cref="VersionRangeNames"/>), and a
/// note cannot use it. In a range a version is written <c>15.1-upd4</c>, <c>5.6-sp2-hf3</c> (no spaces, lower case);
/// <see cref="Canonical"/> reads the way vendors and inventories write them (<c>V15.1 Upd 4</c>, <c>15.1 Update 4</c>).
/// </summary>
public sealed partial class SiemensVersionScheme : VersionScheme
{
    public const string Type = "x-siemens";

    /// <inheritdoc/>
    public override IReadOnlyList<string> Names { get; } = [Type];

    /// <inheritdoc/>
    public override string? Problem(string version) =>
        Written().IsMatch(version) ? null : $"\"{version}\" is not a release such as 15.1, 15.1-upd4 or 5.6-sp2-hf3.";

    /// <inheritdoc/>
    public override int Compare(string left, string right)
    {
        var (l, r) = (Written().Match(left), Written().Match(right));
        var byRelease = IntDot.Compare(l.Groups["release"].Value, r.Groups["release"].Value);
        return byRelease != 0 ? byRelease
            : new[] { "sp", "upd", "hf" }.Select(level => Level(l, level).CompareTo(Level(r, level))).FirstOrDefault(c => c != 0);
    }

    /// <summary>
    /// A release as people write it (<c>V15.1 Upd 4</c>, <c>V15.1 Update 4</c>, <c>V5.6 SP2 HF3</c>, <c>15.1</c>) in the form
    /// a range holds, or null when it is not one.
    /// </summary>
    public static string? Canonical(string text)
    {
        var match = Spoken().Match(text.Trim());
        if (!match.Success)
        {
            return null;
        }
        var levels = new[] { "sp", "upd", "hf" }.Where(l => match.Groups[l].Success)
            .Select(l => $"-{l}{long.Parse(match.Groups[l].Value, CultureInfo.InvariantCulture)}");
        return match.Groups["release"].Value + string.Concat(levels);
    }

    /// <summary>Whether a release as people write it names a service pack, update or hotfix (so it needs this scheme).</summary>
    public static bool HasSubLevel(string text) => Canonical(text) is { } canonical && canonical.Contains('-', StringComparison.Ordinal);

    private static readonly IntDotVersionScheme IntDot = new();

    private static long Level(Match match, string level) =>
        match.Groups[level].Success ? long.Parse(match.Groups[level].Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^(?<release>\d{1,9}(\.\d{1,9})*)(-sp(?<sp>\d{1,9}))?(-upd(?<upd>\d{1,9}))?(-hf(?<hf>\d{1,9}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Written();

    [GeneratedRegex(@"^[vV]?(?<release>\d{1,9}(\.\d{1,9})*)(\s*SP\s*(?<sp>\d{1,9}))?(\s*(Upd|Update)\s*(?<upd>\d{1,9}))?(\s*HF\s*(?<hf>\d{1,9}))?$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Spoken();
}
