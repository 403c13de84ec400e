namespace Vigil.Indicators.Tests.Matching;

public class MatchingRuleTests
{
    [Theory]
    // Domains: case-insensitive, the domain itself or any subdomain, never a lookalike.
    [InlineData("[domain-name:value = 'evil.com']", "connect evil.com", true)]
    [InlineData("[domain-name:value = 'evil.com']", "connect EVIL.Com.", true)]
    [InlineData("[domain-name:value = 'evil.com']", "connect x.y.evil.com", true)]
    [InlineData("[domain-name:value = 'evil.com']", "connect evil.com.example.org", false)]
    [InlineData("[domain-name:value = 'evil.com']", "connect notevil.com", false)]
    [InlineData("[domain-name:value = 'evil.com']", "connect evil.co", false)]
    [InlineData("[domain-name:value = 'wha.tsapp.me']", "GET https://wha.tsapp.me/x", true)]
    [InlineData("[domain-name:value = 'wha.tsapp.me']", "GET https://tsapp.me/x", false)]
    [InlineData("[domain-name:value = 'www.evil.com']", "evil.com", false)]
    [InlineData("[domain-name:value = 'co.uk']", "a.evil.co.uk", true)]
    // IDN: Unicode and punycode forms are the same domain.
    [InlineData("[domain-name:value = 'bücher.example']", "see xn--bcher-kva.example", true)]
    [InlineData("[domain-name:value = 'xn--bcher-kva.example']", "see www.BÜCHER.example/path", true)]
    // URLs: scheme-less, ports and user info ignored for the host; the whole URL against url indicators.
    [InlineData("[domain-name:value = 'evil.com']", "fetch https://user:pw@cdn.evil.com:8443/a?b=c", true)]
    [InlineData("[domain-name:value = 'evil.com']", "fetch cdn.evil.com:8443/a", true)]
    [InlineData("[domain-name:value = 'evil.com']", "fetch user@evil.com:21/a", true)]
    [InlineData("[url:value = 'https://evil.com/payload?id=1']", "GET evil.com/payload?id=1 200", true)]
    [InlineData("[url:value = 'https://evil.com/payload?id=1']", "GET http://u@EVIL.COM:80/payload?id=1#top", true)]
    [InlineData("[url:value = 'https://evil.com/payload?id=1']", "GET https://evil.com/payload?id=2", false)]
    [InlineData("[url:value = 'https://evil.com/payload']", "GET https://evil.com/Payload", false)]
    [InlineData("[url:value LIKE 'https://evil.com/p%']", "GET https://evil.com/pay", true)]
    // E-mails and hashes: case-insensitive.
    [InlineData("[email-addr:value = 'Spy@Gmail.com']", "from: spy@gmail.COM", true)]
    [InlineData("[email-addr:value = 'spy@gmail.com']", "from: xspy@gmail.com", false)]
    [InlineData("[email-addr:value = 'spy@gmail.com']", "mailto:spy@gmail.com", true)]
    [InlineData("[file:hashes.'SHA-256' = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']", "sha aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", true)]
    [InlineData("[file:hashes.md5 = 'd41d8cd98f00b204e9800998ecf8427e']", "D41D8CD98F00B204E9800998ECF8427E", true)]
    [InlineData("[file:hashes.'SHA-512' = 'CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC']", "sha512 cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc", true)]
    [InlineData("[file:hashes.'SHA-512' = 'cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc']", "sha512 ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc", false)]
    // Addresses, in canonical form.
    [InlineData("[ipv4-addr:value = '10.1.2.3']", "peer 10.1.2.3:443", true)]
    [InlineData("[ipv4-addr:value = '10.1.2.3/32']", "peer 10.1.2.3", true)]
    [InlineData("[ipv4-addr:value = '10.1.2.3']", "peer 10.1.2.33", false)]
    [InlineData("[ipv6-addr:value = '2001:db8::1']", "peer 2001:0db8:0:0:0:0:0:1", true)]
    // File paths: exact, or under a directory indicator ending in '/', on a path boundary only.
    [InlineData("[file:path = '/private/var/tmp/x.plist']", "open /private/var/tmp/x.plist", true)]
    [InlineData("[file:path = '/private/var/db/spy/']", "open /private/var/db/spy/a/b", true)]
    [InlineData("[file:path = '/private/var/db/spy/']", "open /private/var/db/spyware/a", false)]
    [InlineData("[file:parent_directory_ref.path = '/tmp/spy']", "open /tmp/spy/x", true)]
    [InlineData("[file:name = 'roleaccountd.plist']", "open /Library/roleaccountd.plist", true)]
    [InlineData("[file:name = 'roleaccountd.plist']", "open /Library/xroleaccountd.plist", false)]
    // Several values: the indicator matches when a whole conjunction is seen in the same artefact.
    [InlineData("[domain-name:value = 'a.com'] AND [domain-name:value = 'b.com']", "a.com\nb.com", true)]
    [InlineData("[domain-name:value = 'a.com'] AND [domain-name:value = 'b.com']", "a.com only", false)]
    [InlineData("[domain-name:value IN ('a.com', 'b.com')]", "b.com", true)]
    public void Text_artefacts_match_as_the_rules_say(string pattern, string text, bool expected) =>
        Assert.Equal(expected, IndicatorSets.ScanText(IndicatorSets.Of(pattern), text).Count > 0);

    [Theory]
    [InlineData("[process:name = 'bh']", "bh", true)]
    [InlineData("[process:name = 'bh']", "bhd", false)]
    [InlineData("[process:name = 'bh']", "BH", false)]
    [InlineData("[process:image_ref.name = 'com.apple.Mappit.SnapshotService']", "com.apple.Mappi", true)]
    [InlineData("[process:name = 'com.apple.Mappit.SnapshotService']", "com.apple.Mappit", true)]
    [InlineData("[process:name = 'com.apple.Mappit.SnapshotService']", "com.apple.Mapp", false)]
    [InlineData("[process:name = 'com.apple.Mappit.SnapshotService']", "com.apple.Mappiz", false)]
    [InlineData("[app:id = 'com.Spy.App']", "com.spy.app", true)]
    [InlineData("[app:id = 'com.spy.app']", "com.spy.app2", false)]
    public void Typed_values_match_as_the_rules_say(string pattern, string process, bool expected)
    {
        var hits = Artefacts.SyntheticArtefacts.ScanDataUsage(IndicatorSets.Of(pattern), process);
        Assert.Equal(expected, hits.Count > 0);
    }

    [Fact]
    public void A_hit_names_the_artefact_line_value_and_collection()
    {
        var hit = Assert.Single(IndicatorSets.ScanText(IndicatorSets.Of("[domain-name:value = 'evil.com']"), "ok\nvisit https://a.evil.com/x\n"));
        Assert.Equal("artefact.log line 2", hit.Location.ToString());
        Assert.Equal("indicator--0", hit.Indicator.Id);
    }
}
