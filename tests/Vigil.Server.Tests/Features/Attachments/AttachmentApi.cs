using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Attachments;

/// <summary>Uploading files and naming them in reports, as a client does.</summary>
public static class AttachmentApi
{
    /// <summary>Bytes no other test sends, with a marker that must never be found on disk.</summary>
    public static byte[] Sample(string marker = "CONFIDENTIAL-CALL-LOG") =>
        Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat($"{marker} {Guid.NewGuid()} caller=+91-98xxxxxx12 rtcp=0x81c9\n", 40)));

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, byte[] bytes, string name, string? mediaType = "text/plain")
    {
        var content = new ByteArrayContent(bytes);
        if (mediaType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        }
        return client.PostAsync($"/api/v1/attachments?name={Uri.EscapeDataString(name)}", content);
    }

    public static async Task<string> UploadAsync(this HttpClient client, byte[] bytes, string name = "call-log.txt", string? mediaType = "text/plain")
    {
        var response = await client.PostAsync(bytes, name, mediaType);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync())["sha256"]!.GetValue<string>();
    }

    public static string Attaching(params string[] sha256s) =>
        "\"attachments\": " + new JsonArray([.. sha256s.Select(h => (JsonNode)new JsonObject { ["sha256"] = h })]).ToJsonString();
}
