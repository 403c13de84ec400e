using System.Net;
using System.Text.Json.Nodes;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Affected;

public sealed class ImportedAdvisoryCacheOnSqliteTests(VigilFactory factory) : ImportedAdvisoryCacheTests<VigilFactory>(factory);

public sealed class ImportedAdvisoryCacheOnPostgresTests(PostgresVigilFactory factory) : ImportedAdvisoryCacheTests<PostgresVigilFactory>(factory);

/// <summary>
/// Imported advisories are kept parsed between affected queries; an import after an answer was given (and kept) is
/// answered by the very next query, for every audience. Each test has its own tracking ids.
/// </summary>
public abstract class ImportedAdvisoryCacheTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    private static readonly (string, string) First = ("1.0.0", "2019-05-17T10:00:00.000Z");
    private static readonly (string, string) Second = ("2.0.0", "2019-06-03T08:00:00.000Z");

    [Fact]
    public async Task An_advisory_imported_after_an_answer_was_kept_is_in_the_next_answer()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        await CacheAnswers.ImportAsync(analyst.Client, CsafSamples.WhatsApp2019Revision("EXCERT-CACHE-KEPT", "WHITE", androidAffected: true, First));
        var clients = new[] { factory.CreateClient(), reporter.Client, analyst.Client };
        foreach (var client in clients)
        {
            // Twice: the second answer comes from what the first kept.
            Assert.NotNull(CacheAnswers.Answering(await CacheAnswers.CheckAsync(client), "EXCERT-CACHE-KEPT"));
            Assert.Null(CacheAnswers.Answering(await CacheAnswers.CheckAsync(client), "EXCERT-CACHE-NEW"));
        }

        var added = await CacheAnswers.ImportAsync(analyst.Client, CsafSamples.WhatsApp2019Revision("EXCERT-CACHE-NEW", "WHITE", androidAffected: true, First));

        foreach (var client in clients)
        {
            var answer = await CacheAnswers.CheckAsync(client);
            Assert.Equal($"/api/v1/advisories/{added}", CacheAnswers.Answering(answer, "EXCERT-CACHE-NEW")?["link"]!.GetValue<string>());
            Assert.NotNull(CacheAnswers.Answering(answer, "EXCERT-CACHE-KEPT"));
        }
    }

    [Fact]
    public async Task A_revision_imported_after_an_answer_was_kept_replaces_that_answer_at_once()
    {
        const string tracking = "EXCERT-CACHE-REVISED";
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var first = await CacheAnswers.ImportAsync(analyst.Client, CsafSamples.WhatsApp2019Revision(tracking, "WHITE", androidAffected: true, First));
        foreach (var client in new[] { factory.CreateClient(), analyst.Client })
        {
            await CacheAnswers.CheckAsync(client);
            Assert.Equal(("1.0.0", $"/api/v1/advisories/{first}"), CacheAnswers.VersionAndLink(await CacheAnswers.CheckAsync(client), tracking));
        }

        var second = await CacheAnswers.ImportAsync(analyst.Client, CsafSamples.WhatsApp2019Revision(tracking, "WHITE", androidAffected: true, First, Second));

        foreach (var client in new[] { factory.CreateClient(), analyst.Client })
        {
            Assert.Equal(("2.0.0", $"/api/v1/advisories/{second}"), CacheAnswers.VersionAndLink(await CacheAnswers.CheckAsync(client), tracking));
        }

        await CacheAnswers.ImportAsync(analyst.Client, CsafSamples.WhatsApp2019Revision(tracking, "WHITE", androidAffected: false, First, Second, ("3.0.0", "2019-07-01T08:00:00.000Z")));

        Assert.Null(CacheAnswers.Answering(await CacheAnswers.CheckAsync(factory.CreateClient()), tracking));
        Assert.Null(CacheAnswers.Answering(await CacheAnswers.CheckAsync(analyst.Client), tracking));
    }
}

/// <summary>Importing and asking "am I affected?" for the WhatsApp for Android inventory the CSAF samples concern.</summary>
internal static class CacheAnswers
{
    private const string Android = """
        {"products": [{"vendor": "WhatsApp", "product": "WhatsApp for Android", "version": "2.19.100",
                       "cpe": "cpe:2.3:a:whatsapp:whatsapp:2.19.100:*:*:*:*:android:*:*"}]}
        """;

    public static async Task<long> ImportAsync(HttpClient analyst, JsonObject advisory)
    {
        var response = await analyst.PostJsonAsync("/api/v1/advisories/import", advisory.ToJsonString());
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.JsonAsync())["id"]!.GetValue<long>();
    }

    public static async Task<JsonNode> CheckAsync(HttpClient client)
    {
        var response = await client.PostJsonAsync("/api/v1/affected", Android);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    /// <summary>The advisory with this tracking id in an answer, or null when it does not affect the inventory.</summary>
    public static JsonNode? Answering(JsonNode answer, string tracking) =>
        answer["documents"]!.AsArray().SingleOrDefault(d => d!["id"]!.GetValue<string>().EndsWith("#" + tracking, StringComparison.Ordinal));

    public static (string?, string?) VersionAndLink(JsonNode answer, string tracking) =>
        Answering(answer, tracking) is { } advisory ? (advisory["version"]!.GetValue<string>(), advisory["link"]!.GetValue<string>()) : (null, null);
}
