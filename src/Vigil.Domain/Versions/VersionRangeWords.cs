using System.Text.RegularExpressions;

namespace Vigil.Domain.Versions;

/// <summary>
/// A version range written in words or as a bare comparison, read only where it says one thing:
/// every version (<c>All versions</c>, <c>*</c>); one or two comparisons (<c>&lt; V2.7</c>, <c>&lt;= 4.8.3</c>,
/// <c>before 2.19.134</c>, <c>prior to 4.2</c>, <c>All versions &lt; V3.0.29</c>, <c>&gt;= 1.2 &lt; 1.5</c>,
/// <c>&gt;=V2.3_and_&lt;V6.30.016</c>), two comparisons being a lower bound below an upper one; a release line
/// (<c>4.x</c>, <c>4.2.*</c>); <c>8.1.5 and later</c>, <c>4.2 and earlier</c>; <c>8.0.0 - 8.0.1</c> (both ends included);
/// a list of versions (<c>V3.0, V4.0, V4.1</c>); or the constraints of a <c>vers</c> range without its type
/// (<c>&gt;=2.0.0|&lt;5.0.0</c>, CSAF's "vers-like specifier"). A leading <c>v</c> is dropped. The scheme is guessed from the
/// versions and only when they all fit it: dotted whole numbers are <c>intdot</c>; otherwise semantic versions are
/// <c>semver</c>; otherwise releases with a service pack, update or hotfix (<c>V15.1 Upd 4</c>) are
/// <see cref="SiemensVersionScheme"/>. Anything else (a build, a date, a serial number, a single version, prose) is
/// not a range Vigil can read: null.
/// </summary>
public static partial class VersionRangeWords
{
    private const string Version = @"(?:v\s?)?\d[0-9a-z.+\-]*(?:\s*(?:sp|upd|update|hf)\s*\d+)*";

    private static readonly string[] Levels = ["sp", "upd", "update", "hf"];

    /// <summary>Longer names are prose, not ranges; the cap also bounds the patterns' work.</summary>
    private const int MaxLength = 200;

    public static VersionRange? Read(string text)
    {
        if (text.Length > MaxLength)
        {
            return null;
        }
        if (text.Contains('|', StringComparison.Ordinal))
        {
            return VersLike(text);
        }
        var words = Spaces().Replace(text.Replace("_and_", " and ", StringComparison.OrdinalIgnoreCase), " ").Trim();
        if (EveryVersion().IsMatch(words))
        {
            return VersionRange.Parse("vers:all/*");
        }
        words = AllVersionsBefore().Replace(words, "");
        var constraints = ReleaseLine(words) ?? Suffixed(words) ?? Between(words) ?? Comparisons(words) ?? Listed(words);
        return constraints is null ? null : Build(constraints);
    }

    /// <summary>
    /// The constraints of a <c>vers</c> range without its scheme and type (CSAF's "vers-like specifier",
    /// <c>&gt;=2.0.0|&lt;5.0.0</c>), spaces aside: read as <c>intdot</c>, else <c>semver</c>, when it is a valid range of either.
    /// </summary>
    private static VersionRange? VersLike(string text)
    {
        var constraints = Spaces().Replace(text, "");
        return new[] { "intdot", "semver" }
            .Select(type => VersionRange.TryParse($"vers:{type}/{constraints}", out var range, out _) && !range.IsEveryVersion ? range : null)
            .FirstOrDefault(r => r is not null);
    }

    private static List<(VersionComparator, string)>? ReleaseLine(string words)
    {
        if (ReleaseLinePattern().Match(words) is not { Success: true } match)
        {
            return null;
        }
        var parts = match.Groups["line"].Value.Split('.');
        if (parts[^1].Length > 9)
        {
            return null;
        }
        var next = string.Join('.', parts[..^1].Append((long.Parse(parts[^1], System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return [(VersionComparator.GreaterOrEqual, match.Groups["line"].Value), (VersionComparator.LessThan, next)];
    }

    private static List<(VersionComparator, string)>? Suffixed(string words) =>
        SuffixedPattern().Match(words) is { Success: true } match
            ? [(match.Groups["later"].Success ? VersionComparator.GreaterOrEqual : VersionComparator.LessOrEqual, match.Groups["v"].Value)]
            : null;

    private static List<(VersionComparator, string)>? Between(string words) =>
        BetweenPattern().Match(words) is { Success: true } match
            ? [(VersionComparator.GreaterOrEqual, match.Groups["from"].Value), (VersionComparator.LessOrEqual, match.Groups["to"].Value)]
            : null;

    private static List<(VersionComparator, string)>? Comparisons(string words)
    {
        if (ComparisonsPattern().Match(words) is not { Success: true } match)
        {
            return null;
        }
        return [.. match.Groups["op"].Captures.Zip(match.Groups["v"].Captures).Select(c => (Comparator(c.First.Value), c.Second.Value))];
    }

    private static List<(VersionComparator, string)>? Listed(string words) =>
        ListPattern().Match(words) is { Success: true } match
            ? [.. match.Groups["v"].Captures.Select(c => (VersionComparator.Equal, c.Value))]
            : null;

    private static VersionComparator Comparator(string op) => Spaces().Replace(op.ToLowerInvariant(), " ") switch
    {
        "<" or "before" or "prior to" or "earlier than" or "older than" or "lower than" or "below" => VersionComparator.LessThan,
        "<=" or "≤" or "up to and including" => VersionComparator.LessOrEqual,
        ">" or "after" or "later than" or "newer than" or "higher than" or "above" => VersionComparator.GreaterThan,
        ">=" or "≥" => VersionComparator.GreaterOrEqual,
        _ => VersionComparator.Equal,
    };

    /// <summary>The range in the one scheme all its versions fit, when they describe one interval or a list; else null.</summary>
    private static VersionRange? Build(List<(VersionComparator Comparator, string Version)> constraints)
    {
        var versions = constraints.Select(c => WithoutV(c.Version)).ToList();
        var (type, written) =
            versions.All(v => IntDot.Problem(v) is null) ? ("intdot", versions)
            : versions.All(v => Semver.Problem(v) is null) ? ("semver", versions)
            : versions.Any(SiemensVersionScheme.HasSubLevel) && versions.All(v => SiemensVersionScheme.Canonical(v) is not null)
                ? (SiemensVersionScheme.Type, versions.Select(v => SiemensVersionScheme.Canonical(v)!).ToList())
            : ("", versions);
        if (type.Length == 0 || versions.Any(v => v.Length > 100))
        {
            return null;
        }
        try
        {
            var range = VersionRange.Create(type, constraints.Select((c, i) => new VersionConstraint(c.Comparator, written[i])));
            var bounds = range.Constraints.Select(c => c.Comparator).ToList();
            // Two comparisons joined say "between": a lower bound then an upper one, never two open ends or a repeated side.
            var oneInterval = bounds.Count == constraints.Count
                && (bounds.Count == 1 || bounds.All(b => b == VersionComparator.Equal)
                    || (bounds.Count == 2 && bounds[0].IsLowerBound() && bounds[1].IsUpperBound()));
            return oneInterval ? range : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string WithoutV(string version)
    {
        var text = Spaces().Replace(version, " ");
        return text.Length > 1 && text[0] is 'v' or 'V' && (char.IsAsciiDigit(text[1]) || (text[1] == ' ' && text.Length > 2 && char.IsAsciiDigit(text[2])))
            ? text[1..].TrimStart() : text;
    }

    private static readonly IntDotVersionScheme IntDot = new();
    private static readonly SemverVersionScheme Semver = new();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(\*|all|any|all versions|any version|all versions affected)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EveryVersion();

    [GeneratedRegex(@"^((all|any)\s+)?versions?\s+(?=\S)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AllVersionsBefore();

    [GeneratedRegex(@"^v?\s?(?<line>\d{1,9}(\.\d{1,9})*)\.[x*]$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReleaseLinePattern();

    [GeneratedRegex(@"^(?<v>" + Version + @")\s+(and|or)\s+(all\s+)?((?<later>later|above|higher|newer|after)|(earlier|prior|below|lower|older|before))(\s+versions?)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SuffixedPattern();

    [GeneratedRegex(@"^(from\s+)?(?<from>" + Version + @")\s+(-|–|to|through)\s+(?<to>" + Version + @")$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BetweenPattern();

    [GeneratedRegex(@"^(?<op><=|>=|<|>|=|≤|≥|before|prior\s+to|earlier\s+than|older\s+than|lower\s+than|below|up\s+to\s+and\s+including|after|later\s+than|newer\s+than|higher\s+than|above)\s*(?<v>"
        + Version + @")(\s*(,|;|&&|&|\band\b)?\s*(?<op><=|>=|<|>|≤|≥|before|prior\s+to|earlier\s+than|below|up\s+to\s+and\s+including|after|later\s+than|above)\s*(?<v>" + Version + @"))?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ComparisonsPattern();

    [GeneratedRegex(@"^(?<v>" + Version + @")(\s*,\s*(?<v>" + Version + @"))+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListPattern();
}
