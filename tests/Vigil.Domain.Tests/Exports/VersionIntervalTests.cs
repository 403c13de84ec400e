using CsCheck;
using Vigil.Domain.Exports;
using Vigil.Domain.Versions;

namespace Vigil.Domain.Tests.Exports;

public sealed class VersionIntervalTests
{
    [Theory]
    [InlineData("vers:semver/<2.19.134", ",2.19.134,,")]
    [InlineData("vers:semver/>=1.0.0|<1.4.2", "1.0.0,1.4.2,,")]
    [InlineData("vers:semver/<=1.2.0|>=2.0.0", ",,1.2.0, | 2.0.0,,,")]
    [InlineData("vers:intdot/1.2|>=3", ",,,1.2 | 3,,,")]
    [InlineData("vers:semver/*", ",,,")]
    [InlineData("vers:semver/>1.0.0|!=1.5.0|<2.0.0", "1.0.0,2.0.0,,")]
    public void Of_GivesEachStretchOfTheRange(string range, string expected) =>
        Assert.Equal(expected, string.Join(" | ", VersionInterval.Of(VersionRange.Parse(range)).Select(i => $"{i.Introduced},{i.Fixed},{i.LastAffected},{i.Exact}")));

    [Fact]
    public void Intervals_HoldExactlyTheRangesVersions_WhenTheRangeHasNoExclusiveLowerBoundOrExclusion()
    {
        var scheme = VersionSchemes.Find("intdot")!;
        var version = Gen.Int[0, 6].Array[1, 2].Select(parts => string.Join('.', parts));
        var comparator = Gen.OneOf(VersionComparator.Equal, VersionComparator.LessThan, VersionComparator.LessOrEqual, VersionComparator.GreaterOrEqual);
        Gen.Select(Gen.Select(comparator, version).Array[1, 4], version).Sample((constraints, probe) =>
        {
            VersionRange range;
            try
            {
                range = VersionRange.Create("intdot", constraints.Select(c => new VersionConstraint(c.Item1, c.Item2)));
            }
            catch (ArgumentException)
            {
                return true; // contradictory constraints: no range to compare with
            }
            return range.Contains(probe) == VersionInterval.Of(range).Any(i => i.Contains(scheme, probe));
        });
    }
}
