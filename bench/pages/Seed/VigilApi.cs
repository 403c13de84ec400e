using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Vigil.Bench.Pages.Seed;

/// <summary>The server's HTTP API as a caller with a bearer token sees it; any answer but a success stops the seeding.</summary>
public sealed class VigilApi(Uri server)
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 16, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        BaseAddress = server,
        Timeout = TimeSpan.FromMinutes(2),
    };

    public Uri Server => server;

    public Task<JsonNode> PostAsync(string token, string path, JsonNode? body) =>
        SendAsync(token, HttpMethod.Post, path, body is null ? null : new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    /// <summary>A body sent as it is (a STIX bundle).</summary>
    public Task<JsonNode> PostRawAsync(string token, string path, string json) =>
        SendAsync(token, HttpMethod.Post, path, new StringContent(json, Encoding.UTF8, "application/json"));

    public Task<JsonNode> GetAsync(string token, string path) => SendAsync(token, HttpMethod.Get, path, null);

    public async Task<string> GetTextAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<JsonNode> SendAsync(string token, HttpMethod method, string path, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new SeedingFailed($"{method} {path} answered {(int)response.StatusCode}: {text}");
        }
        return response.StatusCode == HttpStatusCode.NoContent || text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }
}

public sealed class SeedingFailed(string message) : Exception(message);
