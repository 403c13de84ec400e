using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Security;

public sealed class MalformedJsonOnSqliteTests(VigilFactory factory) : MalformedJsonTests<VigilFactory>(factory);

public sealed class MalformedJsonOnPostgresTests(PostgresVigilFactory factory) : MalformedJsonTests<PostgresVigilFactory>(factory);

/// <summary>
/// Finding "malformed input answers 500": JSON that parses but cannot be read as text or numbers (invalid UTF-8, a
/// lone surrogate, a number beyond a double) is refused as 400 problem+json naming where, and nothing is written.
/// </summary>
public abstract class MalformedJsonTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    [Theory]
    [InlineData("invalid UTF-8 in a string", "/title")]
    [InlineData("an overlong UTF-8 encoding", "/description")]
    [InlineData("an encoded surrogate", "/title")]
    [InlineData("a lone high surrogate escape", "/title")]
    [InlineData("a lone low surrogate escape", "/description")]
    [InlineData("a lone surrogate in a member name", "")]
    [InlineData("invalid UTF-8 in a member name", "")]
    [InlineData("a number beyond a double", "/extra")]
    [InlineData("a negative number beyond a double", "/extra/0")]
    public async Task Unreadable_text_or_numbers_are_400_naming_where_with_or_without_an_idempotency_key(string what, string pointer)
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        foreach (var key in new[] { null, Guid.NewGuid().ToString() })
        {
            var response = await PostAsync(reporter.Client, "/api/v1/incidents", Bodies[what], key);

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}, key {key}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal("urn:vigil:problem:malformed-json", (await response.JsonAsync())["type"]!.GetValue<string>());
            Assert.Equal([pointer], await response.ProblemPointersAsync());
        }
        Assert.Empty((await reporter.Client.GetNodeAsync("/api/v1/incidents"))["items"]!.AsArray());
    }

    [Fact]
    public async Task A_surrogate_pair_escape_is_one_character_and_accepted()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var response = await reporter.Client.PostJsonAsync("/api/v1/incidents", Api.Report(title: "Spyware \\ud83d\\udc1b"), Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("Spyware \U0001F41B", (await response.JsonAsync())["incident"]!["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\"prod\xFFucts\": [{\"vendor\": \"Signal\", \"product\": \"Signal\", \"version\": \"1\"}]}")]
    [InlineData("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"compo\xFFnents\": [{\"type\": \"application\", \"name\": \"Signal\", \"version\": \"1\"}]}")]
    public async Task An_inventory_with_an_unreadable_member_name_is_refused_and_the_stored_one_is_kept(string broken)
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var path = $"/api/v1/organisations/{reporter.OrganisationId}/inventory";
        var kept = """{"products": [{"vendor": "WhatsApp", "product": "WhatsApp for Android", "version": "2.19.100"}]}""";
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(reporter.Client, path, Encoding.UTF8.GetBytes(kept))).StatusCode);

        var response = await PutAsync(reporter.Client, path, Encoding.Latin1.GetBytes(broken));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var inventory = await reporter.Client.GetNodeAsync(path);
        Assert.Equal("WhatsApp for Android", Assert.Single(inventory["components"]!.AsArray())!["name"]!.GetValue<string>());
    }

    private static readonly Dictionary<string, byte[]> Bodies = new()
    {
        ["invalid UTF-8 in a string"] = Report("\"title\": \"Spy\xFFware\""),
        ["an overlong UTF-8 encoding"] = Report("\"description\": \"a\xC0\xAF b\""),
        ["an encoded surrogate"] = Report("\"title\": \"x\xED\xA0\x80y\""),
        ["a lone high surrogate escape"] = Report("\"title\": \"Spyware \\ud800\""),
        ["a lone low surrogate escape"] = Report("\"description\": \"\\udc00 and more\""),
        ["a lone surrogate in a member name"] = Report("\"ti\\ud800tle\": \"x\""),
        ["invalid UTF-8 in a member name"] = Report("\"ti\xC3tle\": \"x\""),
        ["a number beyond a double"] = Report("\"extra\": 1e400"),
        ["a negative number beyond a double"] = Report("\"extra\": [-1E+309]"),
    };

    // A report with one member of raw bytes (each char of the text is one byte) in place of its title or description.
    private static byte[] Report(string member)
    {
        var name = member[1..member.IndexOf('"', 1)];
        var fields = new List<string>
        {
            "\"category\": \"malicious-code\"", "\"detected_at\": \"2026-11-29T09:00:00+05:30\"",
        };
        if (name != "title") { fields.Add("\"title\": \"VoIP stack exploited\""); }
        if (name != "description") { fields.Add("\"description\": \"Crafted RTCP packets.\""); }
        fields.Add(member);
        return Encoding.Latin1.GetBytes("{" + string.Join(", ", fields) + "}");
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, byte[] body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(body) };
        if (key is not null) { request.Headers.Add("Idempotency-Key", key); }
        return client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string path, byte[] body) =>
        client.PutAsync(path, Json(body));

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
