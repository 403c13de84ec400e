using System.IO.Compression;
using Vigil.Indicators.Artefacts;
using Vigil.Indicators.Matching;
using Vigil.Indicators.Tests.Matching;

namespace Vigil.Indicators.Tests.Artefacts;

public class ScannerTests
{
    private static readonly IndicatorCatalog Catalog = IndicatorSets.Of(
        "[domain-name:value = 'evil.com']",
        "[domain-name:value = 'wha.tsapp.me']",
        "[url:value = 'https://drop.example/stage2']",
        "[email-addr:value = 'spy@gmail.com']",
        "[process:name = 'bh']",
        "[process:name = 'com.apple.Mappit.SnapshotService']",
        "[file:path = '/private/var/db/com.apple.xpc.roleaccountd.staging/']",
        "[app:id = 'com.spy.agent']");

    private static HashSet<string> Observed(IEnumerable<IndicatorHit> hits) => hits.Select(h => $"{h.Indicator.Id} {h.Observed.Value}").ToHashSet();

    [Fact]
    public void A_synthetic_log_gives_exactly_the_planted_hits()
    {
        using var artefacts = new SyntheticArtefacts();
        var log = artefacts.File("device.log", string.Join('\n',
            "12:00 resolve evil.com",
            "12:01 resolve x.cdn.EVIL.com.",
            "12:02 GET https://user:secret@wha.tsapp.me:8443/index.html",
            "12:03 GET drop.example/stage2 from mail spy@Gmail.com",
            "12:04 decoys evil.com.example.org notevil.com tsapp.me https://drop.example/stage3",
            "12:05 decoy /private/var/db/com.apple.xpc.roleaccountd.stagingX/file spy@gmail.co"));

        var hits = new ArtefactScanner(Catalog).Scan(log);

        Assert.Equal(
            ["indicator--0 evil.com", "indicator--0 x.cdn.EVIL.com", "indicator--1 https://user:secret@wha.tsapp.me:8443/index.html",
             "indicator--2 drop.example/stage2", "indicator--3 spy@Gmail.com"],
            Observed(hits).Order(StringComparer.Ordinal));
        Assert.Equal(5, hits.Count);
    }

    [Fact]
    public void A_synthetic_iOS_backup_gives_exactly_the_planted_hits_named_by_their_real_paths()
    {
        using var artefacts = new SyntheticArtefacts();
        var backup = Path.Combine(artefacts.Root, "backup");
        IosBackupBuilder.Build(backup, artefacts);

        var hits = new ArtefactScanner(Catalog).Scan(backup);

        string[] expected =
            ["indicator--0 https://a.evil.com/x", "indicator--1 wha.tsapp.me", "indicator--3 mailto:spy@gmail.com", "indicator--4 bh", "indicator--5 com.apple.Mappit"];
        Assert.Equal(expected, Observed(hits).Order(StringComparer.Ordinal));
        var process = hits.Single(h => h.Observed.Value == "bh");
        Assert.Equal(Path.Combine(backup, "HomeDomain/Library/Databases/DataUsage.sqlite") + " ZPROCESS.ZPROCNAME row 42", process.Location.ToString());
    }

    [Fact]
    public void A_synthetic_Android_bugreport_gives_exactly_the_planted_hits()
    {
        using var artefacts = new SyntheticArtefacts();
        var report = string.Join('\n',
            "== dumpstate: 2024-01-01 00:00:00",
            "------ PROCESSES AND THREADS (ps -A) ------",
            "USER PID PPID VSZ RSS WCHAN ADDR S NAME",
            "root 1 0 100 10 0 0 S init",
            "u0_a1 4321 1 100 10 0 0 S bh",
            "u0_a2 4322 1 100 10 0 0 S bhx",
            "DUMP OF SERVICE package:",
            "  Package [com.spy.agent] (1a2b3c):",
            "  Package [com.spy.agent.decoy] (1a2b3d):",
            "DUMP OF SERVICE connectivity:",
            "  last dns query sub.evil.com");
        using (var zip = ZipFile.Open(Path.Combine(artefacts.Root, "bugreport.zip"), ZipArchiveMode.Create))
        using (var writer = new StreamWriter(zip.CreateEntry("bugreport-device-2024.txt").Open()))
        {
            writer.Write(report);
        }

        var hits = new ArtefactScanner(Catalog).Scan(Path.Combine(artefacts.Root, "bugreport.zip"));

        Assert.Equal(["indicator--0 sub.evil.com", "indicator--4 bh", "indicator--7 com.spy.agent"], Observed(hits).Order(StringComparer.Ordinal));
        Assert.Contains(hits, h => h.Location.Artefact.EndsWith("bugreport.zip!bugreport-device-2024.txt", StringComparison.Ordinal));
    }

    [Fact]
    public void Csv_json_lines_gzip_and_folders_are_read_and_hits_name_their_place()
    {
        using var artefacts = new SyntheticArtefacts();
        artefacts.File("a/visits.csv", "time,url\n1,\"https://evil.com/a,b\"\n2,\"multi\nline wha.tsapp.me\"\n");
        artefacts.File("a/b/events.jsonl", "{\"host\":\"ok.org\"}\n{\"dns\":{\"q\":[\"evil.com\"]}}\n");
        using (var gz = new GZipStream(System.IO.File.Create(Path.Combine(artefacts.Root, "a", "old.log.gz")), CompressionLevel.Fastest))
        {
            gz.Write("nothing\nspy@gmail.com\n"u8);
        }

        var hits = new List<IndicatorHit>();
        var summary = new ArtefactScanner(Catalog, new ScanOptions { MaxDegreeOfParallelism = 2 }).Scan([artefacts.Root], hits.Add);

        var places = hits.Select(h => h.Location.ToString().Replace(artefacts.Root, "", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["/a/b/events.jsonl $.dns.q[0] line 2", "/a/old.log line 2", "/a/visits.csv url record 2", "/a/visits.csv url record 3"], places);
        Assert.Equal(3, summary.Artefacts);
        Assert.Empty(summary.Errors);
    }
}
