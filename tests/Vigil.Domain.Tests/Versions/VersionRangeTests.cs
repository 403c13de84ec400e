using Vigil.Domain.Versions;

namespace Vigil.Domain.Tests.Versions;

public sealed class VersionRangeTests
{
    [Theory]
    [InlineData("vers:intdot/>=2.19.0|<2.19.134", "2.19.133", true)]
    [InlineData("vers:intdot/>=2.19.0|<2.19.134", "2.19.134", false)]
    [InlineData("vers:intdot/>=2.19.0|<2.19.134", "2.18.999", false)]
    [InlineData("vers:intdot/<2.19.134", "1", true)]
    [InlineData("vers:intdot/>2.19.134", "2.19.134.1", true)]
    [InlineData("vers:intdot/1.2|>=2|!=2.5|<3", "2.5", false)]
    [InlineData("vers:intdot/1.2|>=2|!=2.5|<3", "1.2.0", true)]
    [InlineData("vers:semver/>=1.0.0|<2.0.0", "2.0.0-rc.1", true)]
    [InlineData("vers:semver/>=1.0.0|<2.0.0", "1.0.0-rc.1", false)]
    [InlineData("vers:semver/<=1.0.0|>=2.0.0", "1.5.0", false)]
    public void Contains_FollowsTheIntervals(string range, string version, bool expected) =>
        Assert.Equal(expected, VersionRange.Parse(range).Contains(version));

    [Theory]
    [InlineData("vers:intdot/2.0|1.0", "sorted")]
    [InlineData("vers:intdot/>=1.0|>=2.0", "lower bounds")]
    [InlineData("vers:intdot/1.0|<2.0", "upper bound")]
    [InlineData("vers:intdot/1.0|1.0.0", "more than once")]
    [InlineData("vers:semver/>=1.0|<2.0.0", "MAJOR.MINOR.PATCH")]
    [InlineData("vers:semver/=1.0.0", "bare version")]
    [InlineData("vers:Semver/1.0.0", "lower-case")]
    [InlineData("vers:invalid/1.0.0", "reserved")]
    [InlineData("vers:semver/", "at least one")]
    [InlineData("vers:semver/*|1.0.0", "stands alone")]
    [InlineData("pkg:semver/1.0.0", "vers:")]
    public void TryParse_RefusesWithAReason(string text, string reason)
    {
        Assert.False(VersionRange.TryParse(text, out _, out var problem));
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vers:intdot/<3|2.5|>=1|<2|1.5", "vers:intdot/>=1|<3")]
    [InlineData("vers:intdot/!=2.5|<3|>=4|>=5", "vers:intdot/!=2.5|<3|>=4")]
    [InlineData("vers:semver/2.0.0|1.0.0|>=3.0.0|<4.0.0", "vers:semver/1.0.0|2.0.0|>=3.0.0|<4.0.0")]
    [InlineData("vers:semver/*", "vers:semver/*")]
    public void Normalize_SortsAndDropsRedundantConstraints(string text, string canonical) =>
        Assert.Equal(canonical, VersionRange.Normalize(text).ToString());

    [Fact]
    public void ToString_PercentEncodesSyntaxCharactersInVersions() =>
        Assert.Equal("vers:lexicographic/a%7Cb|c%3Ed",
            VersionRange.Create("lexicographic", [new(VersionComparator.Equal, "c>d"), new(VersionComparator.Equal, "a|b")]).ToString());

    [Fact]
    public void Contains_RefusesAVersionOutsideTheScheme() =>
        Assert.Throws<FormatException>(() => VersionRange.Parse("vers:semver/>=1.0.0").Contains("1.0"));

    [Fact]
    public void UnknownTypes_ParseForSyntaxButCannotAnswerContainment()
    {
        var range = VersionRange.Parse("vers:deb/>=1.0-1|<2.0-1");

        Assert.Null(range.Scheme);
        Assert.Throws<NotSupportedException>(() => range.Contains("1.5-1"));
    }
}
