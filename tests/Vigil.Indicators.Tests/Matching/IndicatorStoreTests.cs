using Vigil.Indicators.Matching;

namespace Vigil.Indicators.Tests.Matching;

public class IndicatorStoreTests
{
    [Theory]
    [InlineData("indicator--8f3c7c1e-7b44-4f3e-9d7a-3d6c6f0f2a10", null)]
    [InlineData("indicator--8F3C7C1E-7B44-4F3E-9D7A-3D6C6F0F2A10", "upper-case UUID")]
    [InlineData("indicator--0", "Ünïcode name")]
    [InlineData("malware--8f3c7c1e-7b44-4f3e-9d7a-3d6c6f0f2a10", "")]
    [InlineData("indicator--{8f3c7c1e-7b44-4f3e-9d7a-3d6c6f0f2a10}", null)]
    public void Every_indicator_comes_back_as_it_was_added(string id, string? name)
    {
        var store = new IndicatorStore();
        var pattern = $"[domain-name:value = '{id.Length}.example']";
        var number = store.Add(id, name, pattern, []);
        var problem = store.Add("indicator--x", null, "[x", ["invalid pattern"]);

        var indicator = store[number];
        Assert.Equal((id, name, pattern), (indicator.Id, indicator.Name, indicator.Pattern));
        Assert.Equal(id, store.Id(number));
        Assert.True(indicator.IsSupported);
        Assert.Equal(["invalid pattern"], store[problem].Problems);
        Assert.Equal(1, store.Supported);
    }

    [Fact]
    public void Many_indicators_fill_several_blocks_and_each_reads_back()
    {
        var store = new IndicatorStore();
        var ids = Enumerable.Range(0, 40_000).Select(i => $"indicator--{Guid.CreateVersion7():D}").ToList();
        foreach (var (id, i) in ids.Select((id, i) => (id, i))) { store.Add(id, i % 3 == 0 ? $"name {i}" : null, $"[domain-name:value = 'n{i}.example']", []); }

        Assert.Equal(40_000, store.Count);
        foreach (var i in new[] { 0, 1, 9_999, 23_456, 39_999 })
        {
            Assert.Equal(ids[i], store[i].Id);
            Assert.Equal(i % 3 == 0 ? $"name {i}" : null, store[i].Name);
            Assert.Equal($"[domain-name:value = 'n{i}.example']", store[i].Pattern);
        }
    }
}
