namespace Vigil.Domain.Versions;

/// <summary>
/// The specification's containment check: a version equal to an including constraint is in, one equal to a
/// <c>!=</c> is out, otherwise it is in when it falls inside an interval the bounds open and close.
/// </summary>
internal static class VersRangeContainment
{
    public static bool Contains(VersionScheme scheme, IReadOnlyList<VersionConstraint> constraints, string version)
    {
        if (constraints is [{ Comparator: VersionComparator.Any }])
        {
            return true;
        }

        if (constraints.Any(c => c.Comparator.IncludesItsVersion() && scheme.AreEqual(version, c.Version)))
        {
            return true;
        }

        if (constraints.Any(c => c.Comparator == VersionComparator.NotEqual && scheme.AreEqual(version, c.Version)))
        {
            return false;
        }

        var bounds = constraints.Where(c => c.Comparator.IsLowerBound() || c.Comparator.IsUpperBound()).ToList();
        if (bounds.Count == 0)
        {
            return false;
        }

        // Open-ended intervals at both ends, then each lower bound followed by an upper bound. The procedure in the
        // specification walks pairs and so misses a range of a single bound; checking the ends first covers it.
        if (bounds[0].Comparator.IsUpperBound() && scheme.Compare(version, bounds[0].Version) < 0)
        {
            return true;
        }

        if (bounds[^1].Comparator.IsLowerBound() && scheme.Compare(version, bounds[^1].Version) > 0)
        {
            return true;
        }

        return bounds.Zip(bounds.Skip(1)).Any(pair =>
            pair.First.Comparator.IsLowerBound() && pair.Second.Comparator.IsUpperBound()
            && scheme.Compare(version, pair.First.Version) > 0 && scheme.Compare(version, pair.Second.Version) < 0);
    }
}
