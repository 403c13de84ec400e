using Vigil.Indicators.Matching;
using Vigil.Indicators.Stix;

namespace Vigil.Indicators.Tests.Stix;

public class PublicIndicatorSetTests
{
    private static readonly string PegasusBundle = SharedData.Path("ioc", "pegasus", "pegasus.stix2");

    [Fact]
    public void The_Pegasus_set_loads_with_every_indicator_supported_and_attributed()
    {
        var catalog = IndicatorCatalog.Load([PegasusBundle]);

        Assert.Equal(1549, catalog.Indicators.Count);
        Assert.Empty(catalog.Unsupported);
        Assert.All(catalog.Indicators, i => Assert.Equal("Pegasus", Assert.Single(i.Collections).Name));
    }

    [Fact]
    public void Every_public_set_loads_with_each_indicator_supported_or_explained()
    {
        var sets = Directory.EnumerateFiles(SharedData.Path("ioc"), "*.stix2", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(sets);
        foreach (var set in sets)
        {
            var catalog = IndicatorCatalog.Load([set]);
            Assert.NotEmpty(catalog.Indicators);
            Assert.All(catalog.Indicators, i => Assert.True(i.IsSupported || i.Problems.All(p => p.Length > 0) && i.Problems.Count > 0));
        }
    }

    [Fact]
    public void The_Pegasus_set_agrees_with_its_text_lists()
    {
        var catalog = IndicatorCatalog.Load([PegasusBundle]);
        var domains = File.ReadAllLines(SharedData.Path("ioc", "pegasus", "domains.txt")).Where(l => l.Length > 0).ToHashSet();
        var inBundle = catalog.Indicators.Where(i => i.Pattern.StartsWith("[domain-name:value=", StringComparison.Ordinal))
            .Select(i => i.Pattern["[domain-name:value='".Length..^2]).ToHashSet();

        Assert.Equal(domains.Count, inBundle.Count);
        Assert.Subset(domains, inBundle);
    }

    [Fact]
    public void Reading_then_writing_the_Pegasus_set_keeps_every_object()
    {
        var original = StixBundleReader.Read(File.OpenRead(PegasusBundle));
        var again = StixBundleReader.Parse(StixBundleWriter.ToJson(original));

        Assert.Equal(original.Objects.Count, again.Objects.Count);
        Assert.Equal(original.Objects.Select(o => (o.Id, o.Type)), again.Objects.Select(o => (o.Id, o.Type)));
        Assert.Equal(original.OfType<StixIndicator>().Select(i => (i.Pattern, i.Modified)), again.OfType<StixIndicator>().Select(i => (i.Pattern, i.Modified)));
    }

    [Fact]
    public void Unsupported_constructs_are_reported_by_indicator_id()
    {
        var created = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        StixIndicator Indicator(string id, string pattern) => new() { Id = id, Created = created, Modified = created, ValidFrom = created, Pattern = pattern };
        var bundle = new StixBundle("bundle--00000000-0000-4000-8000-000000000000",
        [
            Indicator("indicator--1", "[domain-name:value = 'a.com'] FOLLOWEDBY [domain-name:value = 'b.com']"),
            Indicator("indicator--2", "[domain-name:value = 'a.com'] WITHIN 60 SECONDS"),
            Indicator("indicator--3", "[domain-name:value MATCHES '^a']"),
            Indicator("indicator--4", "[windows-registry-key:key = 'HKLM']"),
            Indicator("indicator--5", "[domain-name:value = "),
            Indicator("indicator--6", "[domain-name:value = 'ok.com']"),
        ]);

        var problems = IndicatorCatalog.FromBundles([bundle]).Unsupported.ToDictionary(i => i.Id, i => string.Join("; ", i.Problems));

        Assert.Contains("FOLLOWEDBY", problems["indicator--1"], StringComparison.Ordinal);
        Assert.Contains("WITHIN 60 SECONDS", problems["indicator--2"], StringComparison.Ordinal);
        Assert.Contains("MATCHES", problems["indicator--3"], StringComparison.Ordinal);
        Assert.Contains("windows-registry-key:key", problems["indicator--4"], StringComparison.Ordinal);
        Assert.Contains("invalid pattern", problems["indicator--5"], StringComparison.Ordinal);
        Assert.Equal(5, problems.Count);
    }
}
