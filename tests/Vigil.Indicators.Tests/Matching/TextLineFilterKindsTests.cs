using System.Text;
using CsCheck;
using Vigil.Indicators.Matching;

namespace Vigil.Indicators.Tests.Matching;

/// <summary>
/// The line filter for every kind of indicator the text scanner matches (issue 15: the filter once turned itself off
/// for a whole set when one indicator was an address, a name ending in a number or a path): for each kind alone, and
/// all together, a scan with the filter must report exactly what reading every line reports, on generated text made
/// of each value in the spellings the scanner accepts (case, octal and hex IPv4, compressed and mapped IPv6, ports,
/// user info, trailing dots, percent-encoding) and of near misses.
/// </summary>
public class TextLineFilterKindsTests
{
    public static TheoryData<string> Kinds => [.. Sets.Keys];

    private static readonly Dictionary<string, string[]> Sets = new()
    {
        ["ipv4"] = ["[ipv4-addr:value = '203.0.113.9']", "[ipv4-addr:value = '10.0.0.0/32']"],
        ["ipv6"] = ["[ipv6-addr:value = '2001:db8::1:5']", "[ipv6-addr:value = '::ffff:198.51.100.7']", "[ipv4-addr:value = '::ffff:192.0.2.1']"],
        ["domains"] =
        [
            "[domain-name:value = 'cdn.1example.com']", "[domain-name:value = 'cdn12.3api']", "[domain-name:value = '198.51.100.20']",
            "[domain-name:value = 'intranet']", "[domain-name:value = '_dmarc.spy.org']", "[domain-name:value = 'EVIL.com.']",
        ],
        ["urls"] =
        [
            "[url:value = 'http://192.0.2.44/gate.php']", "[url:value = 'https://payload.example.net/a%20b?id=7']",
            "[url:value = 'http://intranet/x']", "[url:value = 'http://[2001:db8::7]/x']",
        ],
        ["emails"] = ["[email-addr:value = 'agent@mail.spy.org']", "[email-addr:value = 'root@intranet']", "[email-addr:value = 'a@198.51.100.20']"],
        ["hashes"] = ["[file:hashes.'SHA-256' = '" + Sha256 + "']", "[file:hashes.MD5 = '" + Md5 + "']"],
        ["files"] =
        [
            "[file:name = 'roleaccountd.plist']", "[file:name = 'spyd']", "[file:name = 'libspy.so.1']", "[file:name = 'a+b.dylib']", "[file:name = 'x']",
            "[file:path = '/private/var/db/spy/']", "[file:path = '/usr/libexec/bhd']", "[file:path = '/private/var/tmp/com.apple.spyd.plist']",
        ],
        ["likes"] =
        [
            "[domain-name:value LIKE '%.tracker-%.net']", "[url:value LIKE '%/gate.php%']", "[file:hashes.MD5 LIKE 'd41d8cd98f00b204e980%']",
            "[file:name LIKE 'spy%.dylib']",
        ],
    };

    private const string Sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private const string Md5 = "d41d8cd98f00b204e9800998ecf8427e";

    // Every indicator's value in the spellings the scanner accepts, near misses, and the noise logs are made of.
    private static readonly string[] Pieces =
    [
        // IPv4: 203.0.113.9 as octal, hex, in fewer parts, as one number; with ports and user info; near misses.
        "203.0.113.9", "203.0.113.09", "0313.0.113.9", "0xcb.0.113.9", "0XCB.0x0.0x71.011", "203.0.28937", "203.28937",
        "3405803785", "0xCB007109", "http://3405803785/x", "3405803785:1.5", "u.v@3405803785:80/", "203.0.113.9:8080", "http://user:pw@203.0.113.9:80/a",
        "203.0.113.90", "1203.0.113.9", "203.0.113.9.", ".203.0.113.9", "203.0.113.9.5", "x203.0.113.9", "a@203.0.113.9", "10.0.0.0", "010.0.0.0",
        // IPv6: compressed, expanded, upper case, mapped, with port, scope and prefix; near misses.
        "2001:db8::1:5", "2001:DB8:0:0:0:0:1:5", "2001:0db8:0000:0000:0000:0000:0001:0005", "http://2001:db8::1:5:80/", "2001:db8::1:5%eth0",
        "2001:db8::1:5/64", "fe80::1:5", "2001:db8::1:5:", "=2001:db8::1:5", "::ffff:198.51.100.7", "0::ffff:198.51.100.7",
        "0:0:0:0:0:ffff:c633:6407", "http://::ffff:c633:6407:80/", "0::ffff:192.0.2.1", "10:00:00.000", "aa:bb:cc:dd:ee:ff",
        // Names: digit-leading labels, addresses as domains, single labels, underscores, trailing dots.
        "cdn.1example.com", "x.CDN.1example.com.", "1example.com", "cdn.1example.com.evil", "x.cdn12.3api", "cdn12.3API:443", "cdn12.3apix",
        "x.198.51.100.20", "a@198.51.100.20", "198.51.100.20", "http://intranet/x", "a@intranet", "x.intranet", "intranet", "http://u@INTRANET:8080/x", "intranet:1.2", "k=INTRANET:80.x",
        "_dmarc.spy.org", "x._DMARC.spy.org", "evil.com.", "http://evil.com./", "root@intranet",
        // URLs: address hosts, percent-encoding, user info; e-mails.
        "http://192.0.2.44/gate.php", "192.0.2.44/gate.php", "https://u:p@192.0.2.44:8443/gate.php", "payload.example.net/a%20b?id=7",
        "http://PAYLOAD.example.net:80/a%20b?id=7#x", "payload.example.net/a%20B?id=7", "http://[2001:db8::7]/x", "2001:db8::7",
        "agent@mail.spy.org", "AGENT@MAIL.SPY.ORG", "mailto:agent@mail.spy.org", "x.mail.spy.org",
        // Hashes.
        Sha256, Sha256.ToUpperInvariant(), "sha256=" + Sha256, Md5, Md5 + "0", "d41d8cd98f00b204e980ffffffffffff",
        // Files and paths.
        "/Library/roleaccountd.plist", "/usr/bin/spyd", "/usr/bin/spyd.", "/usr/bin/spyd=", "/usr/bin/spydx", "/x/spyd?x", "spyd",
        "/lib/libspy.so.1", "/lib/libspy.so.12", "/tmp/a+b.dylib", "/tmp/xa+b.dylib", "/private/var/db/spy/x.db", "/private/var/db/spy",
        "/private/var/db/spyx/a", "/usr/libexec/bhd", "/usr/libexec/bhd:", "/private/var/tmp/com.apple.spyd.plist", "/tmp/spy7.dylib",
        "/tmp/x", "/tmp/X", "/tmp/x.", "/x/", "/xy", "/usr/libexec/BHD", "/USR/bin/Spyd",
        "a.tracker-9.net", "A.TRACKER-x.NET",
        // Noise.
        "2024-05-02T10:00:00.000Z", "GET", "HTTP/1.1", "Mozilla/5.0", "[123.000456]", "\"https://cdn.example.com/\"", "key=", "&x=1",
        "é", "\t", " ", " ", " ", "=", ":", "::", "/", "@", ".", "..", "\r", "[", "]",
    ];

    private static readonly Gen<string> Line = Gen.Int[0, Pieces.Length - 1].Array[0, 16]
        .Select(picks => string.Concat(picks.Select(p => Pieces[p] + (p % 3 == 0 ? "" : " "))));

    private static readonly Gen<string> Text = Line.Array[1, 30].Select(lines => string.Join('\n', lines));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Filtered_and_unfiltered_scans_report_the_same_hits_for_each_kind(string kind) =>
        AssertSameHits(Sets[kind], iterations: 400);

    [Fact]
    public void Filtered_and_unfiltered_scans_report_the_same_hits_for_every_kind_together() =>
        AssertSameHits([.. Sets.Where(s => s.Key != "likes").SelectMany(s => s.Value)], iterations: 1_500);

    [Fact]
    public void Filtered_and_unfiltered_scans_report_the_same_hits_with_the_published_Pegasus_set()
    {
        var folder = SharedData.Path("ioc", "pegasus");
        var filtered = IndicatorCatalog.Load([Path.Combine(folder, "pegasus.stix2")]);
        var unfiltered = IndicatorCatalog.Load([Path.Combine(folder, "pegasus.stix2")]);
        Assert.NotNull(filtered.Index.LineFilter);
        unfiltered.Index.LineFilter = null;
        // Its own values in the disguises logs give them, among the pieces above.
        string[] values = [.. new[] { "domains.txt", "emails.txt", "files.txt", "processes.txt" }
            .SelectMany(file => File.ReadAllLines(Path.Combine(folder, file))).Where(v => v.Length > 0).Take(400)];
        var disguised = Gen.Select(Gen.Int[0, values.Length - 1], Gen.Int[0, 5], (v, shape) => shape switch
        {
            0 => values[v].ToUpperInvariant(),
            1 => "cdn." + values[v] + ".",
            2 => "http://u:p@" + values[v] + ":8443/x",
            3 => "/private/var/" + values[v],
            4 => "not" + values[v],
            _ => values[v],
        });
        var line = Gen.OneOf(disguised, Gen.Int[0, Pieces.Length - 1].Select(p => Pieces[p])).Array[0, 12].Select(parts => string.Join(' ', parts));
        var hits = 0;
        line.Array[1, 20].Select(lines => string.Join('\n', lines)).Sample(text =>
        {
            var expected = Describe(IndicatorSets.ScanText(unfiltered, text));
            Assert.Equal(expected, Describe(IndicatorSets.ScanText(filtered, text)));
            Interlocked.Add(ref hits, expected.Count);
        }, iter: 300);
        Assert.True(hits > 0);
    }

    [Fact]
    public void Every_spelling_of_an_indicator_is_found_with_the_filter()
    {
        // Not only the same hits as without the filter: hits at all, so the generated text does reach the matcher.
        var catalog = IndicatorSets.Of([.. Sets.Where(s => s.Key != "likes").SelectMany(s => s.Value)]);
        Assert.NotNull(catalog.Index.LineFilter);
        foreach (var spelling in new[] { "http://0xcb.0.113.9/", "203.28937", "http://3405803785/x", "2001:DB8:0:0:0:0:1:5", "0:0:0:0:0:ffff:c633:6407",
            "x.CDN.1example.com.", "a@198.51.100.20", "http://u@INTRANET:8080/x", "intranet:1.2", "3405803785:1.5", "https://u:p@192.0.2.44:8443/gate.php", "/usr/bin/spyd.",
            "/private/var/db/spy/x.db", "/lib/libspy.so.1", "/tmp/a+b.dylib" })
        {
            Assert.True(IndicatorSets.ScanText(catalog, "noise 10.1.2.3 GET /a.html\n" + spelling + "\n").Count > 0, spelling);
        }
    }

    [Fact]
    public void Lines_without_any_indicator_are_passed_over_whatever_the_kinds()
    {
        var filter = IndicatorSets.Of([.. Sets.Where(s => s.Key != "likes").SelectMany(s => s.Value)]).Index.LineFilter!;
        var noise = "2024-05-02T10:00:00.000Z proxy squid: 10.1.2.3 TCP_MISS/200 512 GET https://cdn.example.com/a/b?id=1 - "
            + "HIER_DIRECT/10.9.8.7 text/html \"Mozilla/5.0 (Linux; Android 14)\" [123.000456] fe80::1 /var/log/x.log\n";
        Assert.Equal(-1, filter.Next(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(noise, 50))), 0));
    }

    private static void AssertSameHits(string[] patterns, int iterations)
    {
        var filtered = IndicatorSets.Of(patterns);
        var unfiltered = IndicatorSets.Of(patterns);
        Assert.NotNull(filtered.Index.LineFilter);
        unfiltered.Index.LineFilter = null;
        Text.Sample(text =>
        {
            var expected = Describe(IndicatorSets.ScanText(unfiltered, text));
            var actual = Describe(IndicatorSets.ScanText(filtered, text));
            Assert.Equal(expected, actual);
        }, iter: iterations);
    }

    private static List<string> Describe(List<IndicatorHit> hits) =>
        [.. hits.Select(h => $"{h.Location.Number} {h.Indicator.Id} {h.Observed.Kind} {h.Observed.Value}")];
}
