using System.Numerics;
using System.Text.RegularExpressions;

namespace Vigil.Csaf.Validation;

/// <summary>A CSAF version: integer versioning (<c>3</c>) or semantic versioning (<c>1.2.0-rc.1+build.5</c>).</summary>
internal sealed partial record DocumentVersion(bool IsInteger, BigInteger Major, BigInteger Minor, BigInteger Patch, string? PreRelease, string? Build)
    : IComparable<DocumentVersion>
{
    /// <summary>Reads a version; null when it is neither an integer nor a semantic version.</summary>
    public static DocumentVersion? Parse(string? text)
    {
        if (text is null) { return null; }
        if (IntegerVersion().IsMatch(text)) { return new DocumentVersion(true, BigInteger.Parse(text), 0, 0, null, null); }
        var match = SemanticVersion().Match(text);
        if (!match.Success) { return null; }
        return new DocumentVersion(
            false,
            BigInteger.Parse(match.Groups["major"].Value),
            BigInteger.Parse(match.Groups["minor"].Value),
            BigInteger.Parse(match.Groups["patch"].Value),
            match.Groups["pre"].Success ? match.Groups["pre"].Value : null,
            match.Groups["build"].Success ? match.Groups["build"].Value : null);
    }

    /// <summary>Whether this is version 0 or 0.y.z, a version before the first release.</summary>
    public bool IsBeforeFirstRelease => Major.IsZero;

    /// <summary>Whether a pre-release part is given.</summary>
    public bool IsPreRelease => PreRelease is not null;

    /// <summary>Orders by precedence (semantic versioning section 11); build metadata does not count.</summary>
    public int CompareTo(DocumentVersion? other)
    {
        if (other is null) { return 1; }
        var byNumbers = (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));
        if (byNumbers != 0) { return byNumbers; }
        if (PreRelease == other.PreRelease) { return 0; }
        if (PreRelease is null) { return 1; }
        if (other.PreRelease is null) { return -1; }
        return ComparePreRelease(PreRelease.Split('.'), other.PreRelease.Split('.'));
    }

    /// <summary>Whether two versions are the same once build metadata is dropped.</summary>
    public bool SameAs(DocumentVersion other) => CompareTo(other) == 0 && IsInteger == other.IsInteger;

    private static int ComparePreRelease(string[] left, string[] right)
    {
        for (var i = 0; i < Math.Min(left.Length, right.Length); i++)
        {
            var leftNumeric = BigInteger.TryParse(left[i], out var leftNumber) && left[i].All(char.IsAsciiDigit);
            var rightNumeric = BigInteger.TryParse(right[i], out var rightNumber) && right[i].All(char.IsAsciiDigit);
            var order = (leftNumeric, rightNumeric) switch
            {
                (true, true) => leftNumber.CompareTo(rightNumber),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.CompareOrdinal(left[i], right[i]),
            };
            if (order != 0) { return Math.Sign(order); }
        }
        return left.Length.CompareTo(right.Length);
    }

    [GeneratedRegex("^(0|[1-9][0-9]*)$")]
    private static partial Regex IntegerVersion();

    [GeneratedRegex(@"^(?<major>0|[1-9]\d*)\.(?<minor>0|[1-9]\d*)\.(?<patch>0|[1-9]\d*)(?:-(?<pre>(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+(?<build>[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$")]
    private static partial Regex SemanticVersion();
}
