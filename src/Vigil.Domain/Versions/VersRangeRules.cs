namespace Vigil.Domain.Versions;

/// <summary>
/// The validation rules of a <c>vers</c> range (clause 5.4): valid versions, sorted, each version once, and a
/// comparator sequence that describes real intervals (no two lower bounds in a row, no bare version before an
/// upper bound). Ranges that break them are refused, never repaired.
/// </summary>
internal static class VersRangeRules
{
    public static string? Problem(VersionScheme scheme, IReadOnlyList<VersionConstraint> constraints)
    {
        if (constraints is [{ Comparator: VersionComparator.Any }])
        {
            return null;
        }

        if (constraints.FirstOrDefault(c => scheme.Problem(c.Version) is not null) is { } invalid)
        {
            return scheme.Problem(invalid.Version);
        }

        for (var i = 1; i < constraints.Count; i++)
        {
            var order = scheme.Compare(constraints[i - 1].Version, constraints[i].Version);
            if (order >= 0)
            {
                return order == 0
                    ? $"Version \"{constraints[i].Version}\" appears more than once."
                    : $"Constraints are sorted by version: \"{constraints[i - 1]}\" comes after \"{constraints[i]}\".";
            }
        }

        return SequenceProblem(constraints.Where(c => c.Comparator != VersionComparator.NotEqual).ToList());
    }

    private static string? SequenceProblem(List<VersionConstraint> withoutExclusions)
    {
        for (var i = 0; i + 1 < withoutExclusions.Count; i++)
        {
            var (current, next) = (withoutExclusions[i], withoutExclusions[i + 1]);
            if (current.Comparator == VersionComparator.Equal && next.Comparator.IsUpperBound())
            {
                return $"\"{current}\" cannot be followed by the upper bound \"{next}\", which already includes it.";
            }
        }

        var bounds = withoutExclusions.Where(c => c.Comparator != VersionComparator.Equal).ToList();
        for (var i = 0; i + 1 < bounds.Count; i++)
        {
            if (bounds[i].Comparator.IsLowerBound() == bounds[i + 1].Comparator.IsLowerBound())
            {
                return $"\"{bounds[i]}\" and \"{bounds[i + 1]}\" are both {(bounds[i].Comparator.IsLowerBound() ? "lower" : "upper")} bounds: "
                    + "lower and upper bounds alternate.";
            }
        }

        return null;
    }
}
