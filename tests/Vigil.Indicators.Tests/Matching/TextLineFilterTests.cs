using System.Text;
using CsCheck;
using Vigil.Indicators.Artefacts;
using Vigil.Indicators.Matching;

namespace Vigil.Indicators.Tests.Matching;

/// <summary>
/// The line filter may only skip lines on which nothing can match: scanning with it must report exactly what reading
/// every line reports. Checked on generated text full of near misses, and on the rules' own cases.
/// </summary>
public class TextLineFilterTests
{
    private static readonly string[] Patterns =
    [
        "[domain-name:value = 'evil.com']",
        "[domain-name:value = 'wha.tsapp.me']",
        "[domain-name:value = 'cdn.spy-net.co.uk']",
        "[domain-name:value = 'bücher.example']",
        "[domain-name:value = 'under_score.info']",
        "[url:value = 'https://payload.example.net/drop?id=7']",
        "[email-addr:value = 'agent@mail.spy.org']",
        "[file:name = 'roleaccountd.plist']",
        "[file:path = '/private/var/tmp/com.apple.spyd.plist']",
        "[domain-name:value = 'a.example'] AND [domain-name:value = 'b.example']",
        "[file:hashes.'SHA-256' = '" + Sha256 + "']",
        "[file:hashes.MD5 = '" + Md5 + "']",
    ];

    private const string Sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private const string Md5 = "d41d8cd98f00b204e9800998ecf8427e";

    // Pieces of lines: the names themselves in every disguise, near misses, and the noise logs are made of.
    private static readonly string[] Pieces =
    [
        "evil.com", "EVIL.Com", "x.evil.com", "evil.com.", "evil.com..", ".evil.com", "a..evil.com", "evil.com.example.org",
        "notevil.com", "evil.co", "evil.com.5", "evil.com.-x", "~evil.com", "x_evil.com", "evil-com", "evil.comx",
        "wha.tsapp.me", "tsapp.me", "www.wha.tsapp.me:443", "cdn.spy-net.co.uk", "spy-net.co.uk", "co.uk",
        "bücher.example", "www.BÜCHER.example/p", "xn--bcher-kva.example", "bucher.example", "under_score.info", "UNDER_SCORE.INFO",
        "https://payload.example.net/drop?id=7", "payload.example.net/drop?id=7", "http://u:p@PAYLOAD.example.net:80/drop?id=7#f",
        "payload.example.net/drop?id=8", "agent@mail.spy.org", "AGENT@MAIL.SPY.ORG", "mailto:agent@mail.spy.org", "xagent@mail.spy.org",
        "/Library/roleaccountd.plist", "/Library/xroleaccountd.plist", "roleaccountd.plist", "/private/var/tmp/com.apple.spyd.plist",
        "/private/var/tmp/com.apple.spyd.plist.", "a.example", "b.example", "key=evil.com&x=1", "user=agent@mail.spy.org",
        "10.1.2.3", "2024-05-02T10:00:00.000Z", "GET", "/index.html", "HTTP/1.1", "Mozilla/5.0", "[123.000456]", "\"https://cdn.example.com/\"",
        "é", "日本", "\t", " ", " ", " ", "=", ":", "/", "@", ".", "..", "\r",
        Sha256, Sha256.ToUpperInvariant(), "sha256=" + Sha256, "x" + Sha256, Sha256[..31], Sha256[1..], Md5, Md5 + "0",
        "D41D8CD98F00B204E9800998ECF8427E", "deadbeef", "0123456789abcdef0123456789abcdef01",
    ];

    private static readonly Gen<string> Line = Gen.Int[0, Pieces.Length - 1].Array[0, 24]
        .Select(picks => string.Concat(picks.Select(p => Pieces[p] + (p % 3 == 0 ? "" : " "))));

    private static readonly Gen<string> Text = Line.Array[1, 40].Select(lines => string.Join('\n', lines));

    [Fact]
    public void Filtered_and_unfiltered_scans_report_the_same_hits_on_generated_text()
    {
        var filtered = IndicatorSets.Of(Patterns);
        var unfiltered = IndicatorSets.Of(Patterns);
        Assert.NotNull(filtered.Index.LineFilter);
        unfiltered.Index.LineFilter = null;
        Text.Sample(text =>
        {
            var expected = Describe(IndicatorSets.ScanText(unfiltered, text));
            var actual = Describe(IndicatorSets.ScanText(filtered, text));
            Assert.Equal(expected, actual);
        }, iter: 3_000);
    }

    [Fact]
    public void Lines_across_block_boundaries_keep_their_numbers()
    {
        // Several mebibytes of noise with hits placed around the 1 MiB blocks the reader works in.
        var catalog = IndicatorSets.Of(Patterns);
        var text = new StringBuilder();
        var planted = new List<long>();
        long line = 0;
        while (text.Length < 3_500_000)
        {
            line++;
            var nearBoundary = text.Length % (1 << 20) > (1 << 20) - 300;
            if (nearBoundary || line % 9_973 == 0)
            {
                text.Append("2024-05-02T10:00:00Z query[A] cdn.x.evil.com from 10.0.0.1\n");
                planted.Add(line);
            }
            else
            {
                text.Append("2024-05-02T10:00:00Z web nginx: 10.0.0.2 GET /a/b.html HTTP/1.1 \"https://cdn.example.com/\"\n");
            }
        }
        var hits = IndicatorSets.ScanText(catalog, text.ToString());
        Assert.Equal(planted, hits.Select(h => h.Location.Number));
    }

    // Issue 15: addresses, names ending in a number, paths, single labels and LIKE patterns once turned the filter off.
    [Theory]
    [InlineData("[domain-name:value = 'evil.com']", true)]
    [InlineData("[url:value = 'http://evil.com/x']", true)]
    [InlineData("[email-addr:value = 'a@evil.com']", true)]
    [InlineData("[file:name = 'x.plist']", true)]
    [InlineData("[process:name = 'bh']", true)]
    [InlineData("[app:id = 'com.evil.app']", true)]
    [InlineData("[ipv4-addr:value = '10.1.2.3']", true)]
    [InlineData("[ipv6-addr:value = '2001:db8::1']", true)]
    [InlineData("[domain-name:value = '10.1.2.3']", true)]
    [InlineData("[domain-name:value = 'cdn.1example.com']", true)]
    [InlineData("[url:value = 'http://10.1.2.3/x']", true)]
    [InlineData("[file:hashes.md5 = 'd41d8cd98f00b204e9800998ecf8427e']", true)]
    [InlineData("[file:hashes.md5 LIKE 'd41d8cd98f00b204e9800998ecf84%']", true)]
    [InlineData("[file:path = '/private/var/db/spy/']", true)]
    [InlineData("[file:name = 'libspy.so.1']", true)]
    [InlineData("[file:name = 'spyd']", true)]
    [InlineData("[domain-name:value LIKE '%.evil.com']", true)]
    [InlineData("[domain-name:value = 'localhost']", true)]
    [InlineData("[ipv4-addr:value LIKE '10.%']", false)]
    [InlineData("[domain-name:value LIKE 'a%']", false)]
    [InlineData("[file:path = '/']", false)]
    public void The_filter_is_used_for_every_kind_but_address_patterns_and_values_too_short_to_look_for(string pattern, bool filtered) =>
        Assert.Equal(filtered, IndicatorSets.Of("[domain-name:value = 'evil.com']", pattern).Index.LineFilter is not null);

    [Fact]
    public void More_values_than_the_filter_can_look_for_one_by_one_turn_it_off()
    {
        var likes = Enumerable.Range(0, LiteralNeedles.Limit + 1).Select(i => $"[domain-name:value LIKE '%tracker{i}%']").ToArray();
        Assert.NotNull(IndicatorSets.Of(likes[..LiteralNeedles.Limit]).Index.LineFilter);
        Assert.Null(IndicatorSets.Of(likes).Index.LineFilter);
    }

    [Fact]
    public void The_filter_finds_a_name_at_the_end_of_a_long_line_and_in_a_short_tail()
    {
        var index = IndicatorSets.Of("[domain-name:value = 'evil.com']").Index;
        var filter = index.LineFilter!;
        var noise = new string('a', 200) + " 1.2.3.4 index.html ";
        foreach (var text in new[] { noise + "x.EVIL.com", noise + "evil.com.", "evil.com", noise + "evil.co", noise + "evil.com.example.org" })
        {
            var bytes = Encoding.ASCII.GetBytes(text);
            var expected = text.EndsWith("evil.com", StringComparison.OrdinalIgnoreCase) || text.EndsWith("evil.com.", StringComparison.Ordinal);
            Assert.Equal(expected, filter.Next(bytes, 0) >= 0);
        }
        Assert.Equal(201, filter.Next(Encoding.UTF8.GetBytes(new string('a', 200) + " é"), 0));
    }

    private static List<string> Describe(List<IndicatorHit> hits) =>
        [.. hits.Select(h => $"{h.Location.Number} {h.Indicator.Id} {h.Observed.Kind} {h.Observed.Value}")];
}
