using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigil.Server.Tests.Infrastructure;

/// <summary>Small conveniences for calling the API with raw JSON and reading its answers.</summary>
public static class Api
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string json, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return client.SendAsync(request);
    }

    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("empty body");

    public static async Task<JsonNode> GetNodeAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    /// <summary>The JSON pointers a problem+json body names in its 'errors'.</summary>
    public static async Task<string[]> ProblemPointersAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        return [.. problem["errors"]!.AsArray().Select(e => e!["pointer"]?.GetValue<string>() ?? e["parameter"]?.GetValue<string>() ?? e["header"]!.GetValue<string>())];
    }

    public static string Report(string title = "VoIP stack exploited to install spyware", string extra = "") => $$"""
        {
          "title": "{{title}}",
          "category": "malicious-code",
          "description": "Crafted RTCP packets in calls led to remote code execution.",
          "detected_at": "2026-11-29T09:00:00+05:30"{{(extra.Length > 0 ? ", " + extra : "")}}
        }
        """;

    public static async Task<string> FileAsync(this HttpClient client, string json)
    {
        var response = await client.PostJsonAsync("/api/v1/incidents", json);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync())["incident"]!["id"]!.GetValue<string>();
    }

    public static JsonElement Element(this JsonNode node) => JsonSerializer.SerializeToElement(node);
}
