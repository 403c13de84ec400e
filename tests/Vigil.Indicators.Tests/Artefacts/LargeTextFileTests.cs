using System.Text;
using Vigil.Indicators.Artefacts;
using Vigil.Indicators.Matching;
using Vigil.Indicators.Tests.Matching;

namespace Vigil.Indicators.Tests.Artefacts;

/// <summary>
/// One large text file read in parts on several threads gives the same hits, in the same order and with the same
/// line numbers, as reading it in one piece. Parts are made small here so that a small file has many of them.
/// </summary>
public class LargeTextFileTests
{
    private const long SmallParts = 4096;

    private static string Log(SyntheticArtefacts artefacts, out List<long> planted)
    {
        var text = new StringBuilder();
        planted = [];
        var random = new Random(3568);
        for (var line = 1; line <= 20_000; line++)
        {
            switch (random.Next(60))
            {
                case 0:
                    text.Append($"{line} query[A] n{line}.evil.com from 10.0.0.1\n");
                    planted.Add(line);
                    break;
                case 1:
                    text.Append($"{line} GET https://user:pw@wha.tsapp.me:8443/{line} é\n");
                    planted.Add(line);
                    break;
                case 2:
                    // A line longer than a part: parts may not start inside it.
                    text.Append(line).Append(' ').Append('x', 9_000).Append(" evil.com\n");
                    planted.Add(line);
                    break;
                default:
                    text.Append($"{line} nginx: 10.0.0.2 GET /a/b.html HTTP/1.1 \"https://cdn.example.com/\" notevil.com\n");
                    break;
            }
        }
        return artefacts.File("large.log", text.ToString());
    }

    [Fact]
    public void Parts_read_in_parallel_give_the_hits_of_one_piece_in_file_order()
    {
        using var artefacts = new SyntheticArtefacts();
        var log = Log(artefacts, out var planted);
        var catalog = IndicatorSets.Of("[domain-name:value = 'evil.com']", "[domain-name:value = 'wha.tsapp.me']");

        var whole = Describe(new ArtefactScanner(catalog).Scan(log));
        var parts = new List<IndicatorHit>();
        var summary = new ArtefactScanner(catalog, new ScanOptions { MaxDegreeOfParallelism = 4, TextPartSize = SmallParts }).Scan([log], parts.Add);

        Assert.Equal(planted, whole.Select(h => h.Line));
        Assert.Equal(whole, Describe(parts));
        Assert.Equal(1, summary.Artefacts);
        Assert.Equal(planted.Count, summary.Hits);
    }

    [Fact]
    public void A_conjunction_met_across_distant_lines_is_found_when_threads_are_many()
    {
        using var artefacts = new SyntheticArtefacts();
        var text = new StringBuilder("first sign a.example\n");
        for (var line = 0; line < 5_000; line++) { text.Append("noise line with nothing in it at all\n"); }
        text.Append("second sign b.example\n");
        var log = artefacts.File("pair.log", text.ToString());
        var catalog = IndicatorSets.Of("[domain-name:value = 'a.example'] AND [domain-name:value = 'b.example']");

        var hits = new List<IndicatorHit>();
        new ArtefactScanner(catalog, new ScanOptions { MaxDegreeOfParallelism = 4, TextPartSize = SmallParts }).Scan([log], hits.Add);

        Assert.Single(hits);
    }

    private static List<(long Line, string Hit)> Describe(IEnumerable<IndicatorHit> hits) =>
        [.. hits.Select(h => (h.Location.Number, $"{h.Indicator.Id} {h.Observed.Value}"))];
}
