namespace Vigil.Domain.Versions;

/// <summary>
/// The <c>intdot</c> type: versions made of non-negative integers separated by dots, such as <c>2.19.134</c>,
/// compared number by number. Leading zeros do not count (01.2 = 1.2) and missing trailing numbers are zeros
/// (1.2 = 1.2.0 &lt; 1.2.1). The registered definition ignores any suffix after the numbers; Vigil refuses one
/// instead, because ignoring it would make 1.2rc1 equal 1.2 and misanswer "is this build affected?".
/// </summary>
public sealed class IntDotVersionScheme : VersionScheme
{
    /// <inheritdoc/>
    public override IReadOnlyList<string> Names { get; } = ["intdot"];

    /// <inheritdoc/>
    public override string? Problem(string version) =>
        version.Split('.').All(part => part.Length > 0 && part.All(char.IsAsciiDigit))
            ? null
            : $"\"{version}\" is not dot-separated whole numbers.";

    /// <inheritdoc/>
    public override int Compare(string left, string right)
    {
        var l = left.Split('.');
        var r = right.Split('.');
        for (var i = 0; i < Math.Max(l.Length, r.Length); i++)
        {
            var byPart = CompareNumbers(i < l.Length ? l[i] : "0", i < r.Length ? r[i] : "0");
            if (byPart != 0)
            {
                return byPart;
            }
        }

        return 0;
    }

    /// <summary>Compares digit strings of any length: strip leading zeros, then longer is larger.</summary>
    private static int CompareNumbers(string left, string right)
    {
        var l = left.TrimStart('0');
        var r = right.TrimStart('0');
        return l.Length != r.Length ? l.Length.CompareTo(r.Length) : Math.Sign(string.CompareOrdinal(l, r));
    }
}
