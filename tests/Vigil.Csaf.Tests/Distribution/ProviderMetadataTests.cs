using System.Text;
using Vigil.Csaf.Distribution;

namespace Vigil.Csaf.Tests.Distribution;

public sealed class ProviderMetadataTests
{
    [Fact]
    public void The_official_example_reads_with_publisher_key_and_feeds()
    {
        var metadata = ProviderMetadata.Read(File.ReadAllBytes(Path.Combine(SharedData.CsafExamples, "..", "provider-metadata", "example-01-provider-metadata.json")));

        Assert.Equal("csaf_trusted_provider", metadata.Role);
        Assert.Equal("https://psirt.example.com", metadata.Publisher.Namespace);
        Assert.NotEmpty(metadata.Keys);
        Assert.NotEmpty(metadata.Feeds);
        Assert.All(metadata.Feeds, f => Assert.Equal("https", f.Url.Scheme));
    }

    [Fact]
    public void A_feed_that_is_not_http_is_refused_naming_where()
    {
        var json = """
            {"canonical_url":"https://p.example/.well-known/csaf/provider-metadata.json","last_updated":"2024-01-01T00:00:00Z",
             "publisher":{"category":"vendor","name":"P","namespace":"https://p.example"},
             "distributions":[{"rolie":{"feeds":[{"tlp_label":"WHITE","url":"file:///etc/passwd"}]}}]}
            """;

        var e = Assert.Throws<CsafDistributionException>(() => ProviderMetadata.Read(Encoding.UTF8.GetBytes(json)));

        Assert.Equal("/distributions/0/rolie/feeds/0/url is not an absolute http(s) URL", e.Message);
    }

    [Fact]
    public void A_distribution_with_only_a_directory_is_listed_as_one_and_a_refusal_to_be_listed_is_kept()
    {
        var json = """
            {"canonical_url":"https://p.example/.well-known/csaf/provider-metadata.json","last_updated":"2024-01-01T00:00:00Z",
             "list_on_CSAF_aggregators":false,
             "publisher":{"category":"vendor","name":"P","namespace":"https://p.example"},
             "distributions":[{"directory_url":"https://p.example/.well-known/csaf/white/"}]}
            """;

        var metadata = ProviderMetadata.Read(Encoding.UTF8.GetBytes(json));

        Assert.Equal("https://p.example/.well-known/csaf/white/", Assert.Single(metadata.Directories).AbsoluteUri);
        Assert.Empty(metadata.Feeds);
        Assert.False(metadata.ListOnAggregators);
        Assert.True(metadata.MirrorOnAggregators);
        Assert.Equal("csaf_provider", metadata.Role);
    }

    [Theory]
    [InlineData("false", false)]
    [InlineData("true", true)]
    public void The_provider_s_word_on_mirroring_is_kept(string mirror, bool expected)
    {
        var json = $$"""
            {"canonical_url":"https://p.example/.well-known/csaf/provider-metadata.json","last_updated":"2024-01-01T00:00:00Z",
             "mirror_on_CSAF_aggregators":{{mirror}},
             "publisher":{"category":"vendor","name":"P","namespace":"https://p.example"},
             "distributions":[{"directory_url":"https://p.example/.well-known/csaf/white/"}]}
            """;

        Assert.Equal(expected, ProviderMetadata.Read(Encoding.UTF8.GetBytes(json)).MirrorOnAggregators);
        Assert.True(ProviderMetadata.Read(Encoding.UTF8.GetBytes(json)).ListOnAggregators);
    }
}
