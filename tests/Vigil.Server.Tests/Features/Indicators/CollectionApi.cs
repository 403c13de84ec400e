using System.Net;
using System.Text.Json.Nodes;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Indicators;

/// <summary>Calls to the indicator-collection API that the tests repeat.</summary>
public static class CollectionApi
{
    public const string Root = "/api/v1/indicator-collections";

    public static readonly string PegasusBundle = RepositoryPaths.File("..", "shared", "data", "ioc", "pegasus", "pegasus.stix2");

    public static async Task<string> CreateCollectionAsync(this HttpClient analyst, string tlp, string? name = null, string extra = "")
    {
        var body = new JsonObject { ["name"] = name ?? $"{tlp} collection {Guid.NewGuid():N}", ["tlp"] = tlp };
        var json = extra.Length == 0 ? body.ToJsonString() : body.ToJsonString()[..^1] + ", " + extra + "}";
        var response = await analyst.PostJsonAsync(Root, json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync())["id"]!.GetValue<string>();
    }

    public static async Task<JsonNode> AddPatternsAsync(this HttpClient analyst, string collectionId, params string[] patterns)
    {
        var body = new JsonObject { ["indicators"] = new JsonArray([.. patterns.Select(p => (JsonNode)new JsonObject { ["pattern"] = p })]) };
        var response = await analyst.PostJsonAsync($"{Root}/{collectionId}/indicators", body.ToJsonString());
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    /// <summary>A report carrying one indicator of each type the incident schema knows.</summary>
    public static string ReportWithIndicators(string tlp) => Api.Report(extra: $$"""
        "tlp": "{{tlp}}",
        "indicators": [
          {"type": "domain", "value": "wha.tsapp.me", "description": "Predator"},
          {"type": "url", "value": "https://weather4free.com/x?y=1"},
          {"type": "ipv4", "value": "198.51.100.7"},
          {"type": "ipv6", "value": "2001:db8::7"},
          {"type": "email", "value": "ameliehaggart@gmail.com"},
          {"type": "md5", "value": "0123456789abcdef0123456789abcdef"},
          {"type": "sha1", "value": "0123456789abcdef0123456789abcdef01234567"},
          {"type": "sha256", "value": "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"},
          {"type": "sha512", "value": "{{new string('a', 128)}}"},
          {"type": "file_name", "value": "roleaccountd.plist"},
          {"type": "process_name", "value": "bh"},
          {"type": "app_id", "value": "com.evil.spy"}
        ]
        """);
}
