using Vigil.Server.Features.Advisories;

namespace Vigil.Server.Tests.Features.Advisories;

public class AdvisoryRevisionsTests
{
    [Fact]
    public void A_namespace_written_with_other_case_or_a_trailing_slash_is_the_same_publisher()
    {
        AdvisoryRevisions.Tracking[] rows =
        [
            new(1, "https://vendor.example", "VA-1", "1.0.0", "2019-05-17T10:00:00.000Z"),
            new(2, "https://Vendor.example/", "VA-1", "2.0.0", "2019-06-03T08:00:00.000Z"),
            new(3, "https://other.example", "VA-1", "1.0.0", "2019-05-17T10:00:00.000Z"),
        ];

        Assert.Equal([2L, 3L], AdvisoryRevisions.Newest(rows).Order());
        Assert.True(AdvisoryRevisions.SameNamespace("https://vendor.example", "https://VENDOR.example/"));
        Assert.False(AdvisoryRevisions.SameNamespace("https://vendor.example", "https://vendor.example.org"));
    }
}
