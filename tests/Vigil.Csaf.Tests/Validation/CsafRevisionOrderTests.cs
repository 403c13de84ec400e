using CsCheck;
using Vigil.Csaf.Validation;

namespace Vigil.Csaf.Tests.Validation;

public class CsafRevisionOrderTests
{
    [Theory]
    [InlineData("2019-05-17T10:00:00.000Z", "2.0.0", "2019-06-03T08:00:00.000Z", "1.1.0")]
    [InlineData("2019-06-03T08:00:00.000Z", "1.9.0", "2019-06-03T08:00:00.000Z", "1.10.0")]
    [InlineData("2019-06-03T08:00:00.000Z", "2.0.0-rc.1", "2019-06-03T08:00:00.000Z", "2.0.0")]
    [InlineData("2019-06-03T08:00:00.000Z", "1", "2019-06-03T08:00:00.000Z", "1.0.1")]
    [InlineData("2019-06-03T12:00:00+02:00", "1.0.0", "2019-06-03T11:00:00.000Z", "1.0.0")]
    [InlineData("not a date", "9.0.0", "2019-05-17T10:00:00.000Z", "1.0.0")]
    public void The_later_release_is_the_later_revision_and_at_the_same_time_the_higher_version(string earlierDate, string earlierVersion, string laterDate, string laterVersion)
    {
        Assert.True(CsafRevisionOrder.Compare(earlierDate, earlierVersion, laterDate, laterVersion) < 0);
        Assert.True(CsafRevisionOrder.Compare(laterDate, laterVersion, earlierDate, earlierVersion) > 0);
    }

    [Fact]
    public void Build_metadata_does_not_tell_revisions_apart()
    {
        Assert.Equal(0, CsafRevisionOrder.Compare("2019-06-03T08:00:00Z", "1.0.0+a", "2019-06-03T08:00:00.000Z", "1.0.0+b"));
    }

    [Fact]
    public void Sorting_shuffled_revisions_gives_their_release_order()
    {
        // Revision i is released on day i / 3 (three a day) with version 1.i.0: dates tie, versions never do.
        var revisions = Enumerable.Range(0, 12).Select(i => (Date: $"2019-06-{1 + i / 3:00}T08:00:00Z", Version: $"1.{i}.0")).ToArray();
        Gen.Shuffle(revisions.ToArray()).Sample(shuffled =>
        {
            var sorted = shuffled.Order(Comparer<(string Date, string Version)>.Create((x, y) => CsafRevisionOrder.Compare(x.Date, x.Version, y.Date, y.Version)));
            Assert.Equal(revisions, sorted);
        });
    }
}
