namespace Vigil.Domain.Versions;

/// <summary>
/// A Semantic Versioning 2.0.0 version (semver.org): <c>MAJOR.MINOR.PATCH</c>, an optional pre-release after
/// <c>-</c> and optional build metadata after <c>+</c>. Precedence follows section 11 and ignores build metadata.
/// </summary>
public sealed class SemanticVersion : IComparable<SemanticVersion>
{
    private SemanticVersion(IReadOnlyList<string> core, IReadOnlyList<string> preRelease, string? build)
    {
        Core = core;
        PreRelease = preRelease;
        Build = build;
    }

    /// <summary>The three numeric identifiers, as written (digits only, no leading zeros).</summary>
    public IReadOnlyList<string> Core { get; }

    /// <summary>The pre-release identifiers; empty for a release.</summary>
    public IReadOnlyList<string> PreRelease { get; }

    /// <summary>The build metadata, or null.</summary>
    public string? Build { get; }

    /// <summary>Reads a version, or returns null with the reason it is not one.</summary>
    public static SemanticVersion? TryParse(string text, out string? problem)
    {
        problem = null;
        var plus = text.IndexOf('+', StringComparison.Ordinal);
        var build = plus < 0 ? null : text[(plus + 1)..];
        var rest = plus < 0 ? text : text[..plus];
        var dash = rest.IndexOf('-', StringComparison.Ordinal);
        var core = (dash < 0 ? rest : rest[..dash]).Split('.');
        var pre = dash < 0 ? [] : rest[(dash + 1)..].Split('.');

        if (core.Length != 3 || !core.All(IsNumeric))
        {
            problem = $"\"{text}\" is not MAJOR.MINOR.PATCH with numbers without leading zeros.";
        }
        else if (pre.Any(id => !IsIdentifier(id) || (id.All(char.IsAsciiDigit) && !IsNumeric(id))))
        {
            problem = $"\"{text}\" has an empty or malformed pre-release identifier.";
        }
        else if (build is not null && build.Split('.').Any(id => !IsIdentifier(id)))
        {
            problem = $"\"{text}\" has empty or malformed build metadata.";
        }

        return problem is null ? new SemanticVersion(core, pre, build) : null;
    }

    /// <inheritdoc/>
    public int CompareTo(SemanticVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        for (var i = 0; i < 3; i++)
        {
            var byCore = CompareNumeric(Core[i], other.Core[i]);
            if (byCore != 0)
            {
                return byCore;
            }
        }

        // A release outranks any of its pre-releases.
        if (PreRelease.Count == 0 || other.PreRelease.Count == 0)
        {
            return (PreRelease.Count == 0).CompareTo(other.PreRelease.Count == 0);
        }

        for (var i = 0; i < Math.Min(PreRelease.Count, other.PreRelease.Count); i++)
        {
            var byIdentifier = CompareIdentifier(PreRelease[i], other.PreRelease[i]);
            if (byIdentifier != 0)
            {
                return byIdentifier;
            }
        }

        return PreRelease.Count.CompareTo(other.PreRelease.Count);
    }

    /// <summary>The version as written.</summary>
    public override string ToString() =>
        string.Join('.', Core) + (PreRelease.Count > 0 ? "-" + string.Join('.', PreRelease) : "") + (Build is null ? "" : "+" + Build);

    private static int CompareIdentifier(string left, string right)
    {
        var leftNumeric = left.All(char.IsAsciiDigit);
        var rightNumeric = right.All(char.IsAsciiDigit);
        return (leftNumeric, rightNumeric) switch
        {
            (true, true) => CompareNumeric(left, right),
            (true, false) => -1,
            (false, true) => 1,
            _ => Math.Sign(string.CompareOrdinal(left, right)),
        };
    }

    /// <summary>Compares digit strings of any length without overflow: longer (no leading zeros) is larger.</summary>
    private static int CompareNumeric(string left, string right) =>
        left.Length != right.Length ? left.Length.CompareTo(right.Length) : Math.Sign(string.CompareOrdinal(left, right));

    private static bool IsNumeric(string id) =>
        id.Length > 0 && id.All(char.IsAsciiDigit) && (id.Length == 1 || id[0] != '0');

    private static bool IsIdentifier(string id) => id.Length > 0 && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
