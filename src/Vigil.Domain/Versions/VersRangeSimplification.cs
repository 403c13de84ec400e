namespace Vigil.Domain.Versions;

/// <summary>
/// Turns constraints in any order into the canonical sequence: sorted, each version once, and without constraints
/// that a neighbour already covers (">=1|>=2" is ">=1"; "1|&lt;2" is "&lt;2"), as the specification's
/// "simplifying constraints" procedure describes.
/// </summary>
internal static class VersRangeSimplification
{
    public static List<VersionConstraint>? Simplify(VersionScheme scheme, List<VersionConstraint> constraints, out string? problem)
    {
        problem = null;
        if (constraints.Any(c => c.Comparator == VersionComparator.Any))
        {
            problem = constraints.Count == 1 ? null : "\"*\" stands alone: it cannot be combined with other constraints.";
            return problem is null ? constraints : null;
        }

        problem = constraints.Count == 0 ? "A version range has at least one constraint."
            : constraints.Select(c => scheme.Problem(c.Version)).FirstOrDefault(p => p is not null);
        if (problem is not null)
        {
            return null;
        }

        var sorted = constraints.Order(Comparer<VersionConstraint>.Create((a, b) => scheme.Compare(a.Version, b.Version))).ToList();
        for (var i = 1; i < sorted.Count; i++)
        {
            if (scheme.AreEqual(sorted[i - 1].Version, sorted[i].Version))
            {
                problem = $"Version \"{sorted[i].Version}\" appears in both \"{sorted[i - 1]}\" and \"{sorted[i]}\"; state it once.";
                return null;
            }
        }

        var kept = DropRedundant(sorted.Where(c => c.Comparator != VersionComparator.NotEqual));
        var result = sorted.Where(c => c.Comparator == VersionComparator.NotEqual || kept.Contains(c)).ToList();
        problem = VersRangeRules.Problem(scheme, result);
        return problem is null ? result : null;
    }

    /// <summary>
    /// Walks the sorted bounds and bare versions once: a lower bound swallows whatever follows it up to the next
    /// upper bound, and an upper bound swallows the bare versions and upper bounds just before it.
    /// </summary>
    private static HashSet<VersionConstraint> DropRedundant(IEnumerable<VersionConstraint> sorted)
    {
        var kept = new List<VersionConstraint>();
        foreach (var constraint in sorted)
        {
            var openBelow = kept.Count > 0 && kept[^1].Comparator.IsLowerBound();
            if (openBelow && !constraint.Comparator.IsUpperBound())
            {
                continue;
            }

            if (constraint.Comparator.IsUpperBound())
            {
                while (kept.Count > 0 && (kept[^1].Comparator.IsUpperBound() || kept[^1].Comparator == VersionComparator.Equal))
                {
                    kept.RemoveAt(kept.Count - 1);
                }
            }

            kept.Add(constraint);
        }

        return [.. kept];
    }
}
