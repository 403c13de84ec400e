using Vigil.Domain.Versions;

namespace Vigil.Domain.Exports;

/// <summary>
/// One stretch of affected versions, as formats without <c>vers</c> (CVE JSON 5, OSV) describe them: from a first
/// version (or from the start), to a version that fixes it (excluded) or a last affected one (included), or open.
/// A single version is an interval with <see cref="Exact"/> set.
/// </summary>
public sealed record VersionInterval(string? Introduced, string? Fixed, string? LastAffected, string? Exact)
{
    /// <summary>
    /// The intervals of a range. Formats that cannot say "greater than, excluding" or "all but" get the safe side:
    /// <c>&gt;v</c> starts at v and <c>!=v</c> is left out, so a reader may see too much affected, never too little.
    /// </summary>
    public static IReadOnlyList<VersionInterval> Of(VersionRange range)
    {
        if (range.Constraints is [{ Comparator: VersionComparator.Any }])
        {
            return [new VersionInterval(null, null, null, null)];
        }
        var intervals = new List<VersionInterval>();
        string? lower = null;
        foreach (var constraint in range.Constraints.Where(c => c.Comparator != VersionComparator.NotEqual))
        {
            switch (constraint.Comparator)
            {
                case VersionComparator.Equal:
                    intervals.Add(new VersionInterval(null, null, null, constraint.Version));
                    break;
                case VersionComparator.GreaterThan or VersionComparator.GreaterOrEqual:
                    lower = constraint.Version;
                    break;
                case VersionComparator.LessThan:
                    intervals.Add(new VersionInterval(lower, constraint.Version, null, null));
                    lower = null;
                    break;
                case VersionComparator.LessOrEqual:
                    intervals.Add(new VersionInterval(lower, null, constraint.Version, null));
                    lower = null;
                    break;
            }
        }
        if (lower is not null)
        {
            intervals.Add(new VersionInterval(lower, null, null, null));
        }
        return intervals;
    }

    /// <summary>Whether a version lies in this interval, by the scheme's order.</summary>
    public bool Contains(VersionScheme scheme, string version) =>
        Exact is not null ? scheme.AreEqual(Exact, version)
        : (Introduced is null || scheme.Compare(version, Introduced) >= 0)
          && (Fixed is null || scheme.Compare(version, Fixed) < 0)
          && (LastAffected is null || scheme.Compare(version, LastAffected) <= 0);
}
