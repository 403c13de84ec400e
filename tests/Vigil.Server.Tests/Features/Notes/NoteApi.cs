using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Notes;

/// <summary>Writing and moving notes through the API, asserting each step succeeded.</summary>
public static class NoteApi
{
    public static async Task<string> CreateNoteAsync(this HttpClient analyst, JsonObject note)
    {
        var response = await analyst.PostJsonAsync("/api/v1/notes", note.ToJsonString());
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync())["id"]!.GetValue<string>();
    }

    public static Task<JsonNode> PublishNoteAsync(this HttpClient analyst, string id, string? summary = null) =>
        analyst.RecordAsync($"/api/v1/notes/{id}/publication", summary is null ? "{}" : new JsonObject { ["summary"] = summary }.ToJsonString());

    public static Task<JsonNode> ReviseNoteAsync(this HttpClient analyst, string id, JsonObject note, string summary, string significance = "minor") =>
        analyst.RecordAsync($"/api/v1/notes/{id}/revisions",
            new JsonObject { ["summary"] = summary, ["significance"] = significance, ["note"] = note.DeepClone() }.ToJsonString());

    public static Task<JsonNode> WithdrawNoteAsync(this HttpClient analyst, string id, string reason) =>
        analyst.RecordAsync($"/api/v1/notes/{id}/withdrawal", new JsonObject { ["reason"] = reason }.ToJsonString());

    private static async Task<JsonNode> RecordAsync(this HttpClient analyst, string path, string body)
    {
        var response = await analyst.PostJsonAsync(path, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    public static JsonContent Json(JsonObject body) => JsonContent.Create(body);
}
