using System.Text;
using System.Text.Json.Nodes;
using Vigil.Indicators.Stix;

namespace Vigil.Indicators.Tests.Stix;

/// <summary>Reading a bundle object by object gives what reading it whole gives, wherever the reader's buffer ends.</summary>
public class StreamingBundleTests
{
    private static string Bundle(bool typeLast)
    {
        var objects = new JsonArray();
        for (var i = 0; i < 2_000; i++)
        {
            objects.Add(new JsonObject
            {
                ["type"] = "indicator", ["spec_version"] = "2.1", ["id"] = $"indicator--{Guid.CreateVersion7():D}",
                ["created"] = "2024-01-01T00:00:00.000Z", ["modified"] = "2024-01-01T00:00:00.000Z",
                ["pattern"] = $"[domain-name:value = 'n{i}.example']", ["pattern_type"] = "stix", ["valid_from"] = "2024-01-01T00:00:00Z",
                // One object far larger than the reader's first buffer.
                ["description"] = i == 700 ? new string('d', 300_000) : $"indicator {i} with \"quotes\" and é",
            });
        }
        objects.Add(new JsonObject
        {
            ["type"] = "malware", ["spec_version"] = "2.1", ["id"] = "malware--a0a0a0a0-0000-4000-8000-000000000001",
            ["created"] = "2024-01-01T00:00:00.000Z", ["modified"] = "2024-01-01T00:00:00.000Z", ["name"] = "Pegasus", ["is_family"] = true,
        });
        var bundle = new JsonObject();
        if (!typeLast) { bundle["type"] = "bundle"; }
        bundle["id"] = "bundle--a0a0a0a0-0000-4000-8000-000000000002";
        bundle["objects"] = objects;
        bundle["x_extra"] = new JsonObject { ["nested"] = new JsonArray(1, 2, 3) };
        if (typeLast) { bundle["type"] = "bundle"; }
        return bundle.ToJsonString();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Each_object_comes_as_the_whole_reader_gives_it(bool typeLast)
    {
        var json = Bundle(typeLast);
        // The reader of a whole parsed document (what the server uses after its schema check) is the reference.
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var whole = StixBundleReader.Read(document.RootElement);
        var streamed = new List<StixObject>();

        var id = StixBundleReader.ReadEach(new MemoryStream(Encoding.UTF8.GetBytes(json)), streamed.Add);

        Assert.Equal(whole.Id, id);
        Assert.Equal(2_001, streamed.Count);
        Assert.Equal(whole.Objects.Select(Describe), streamed.Select(Describe));
    }

    private static string Describe(StixObject o) => o switch
    {
        StixIndicator i => $"{i.Id} {i.Pattern} {i.PatternType} {i.ValidFrom:o} {i.Description?.Length} {i.Description?[..Math.Min(40, i.Description.Length)]}",
        StixMalware m => $"{m.Id} {m.Name} {m.IsFamily}",
        _ => $"{o.Type} {o.Id}",
    };

    [Theory]
    [InlineData("""{"type": "not-a-bundle", "id": "bundle--1", "objects": []}""", "not a STIX bundle")]
    [InlineData("""{"type": "bundle", "id": "bundle--1", "objects": [1]}""", "not a JSON object")]
    [InlineData("""{"type": "bundle", "id": "bundle--1", "objects": [{"type": "indic""", "not valid JSON")]
    [InlineData("""{"type": "bundle", "id": "bundle--1", "objects": [""", "not valid JSON")]
    [InlineData("""[1, 2]""", "not a STIX bundle")]
    public void A_broken_bundle_is_refused_with_the_reason(string json, string reason)
    {
        var error = Assert.Throws<StixFormatException>(() => StixBundleReader.ReadEach(new MemoryStream(Encoding.UTF8.GetBytes(json)), _ => { }));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
