using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Affected;

public sealed class ImportedAdvisoryRevisionOnSqliteTests(VigilFactory factory) : ImportedAdvisoryRevisionTests<VigilFactory>(factory);

public sealed class ImportedAdvisoryRevisionOnPostgresTests(PostgresVigilFactory factory) : ImportedAdvisoryRevisionTests<PostgresVigilFactory>(factory);

/// <summary>
/// Of an imported advisory's revisions (same publisher namespace and tracking id), only the newest by its CSAF tracking
/// that the caller may read answers "am I affected?" and an organisation's exposure. Each test has its own tracking id.
/// </summary>
public abstract class ImportedAdvisoryRevisionTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    private static readonly (string, string) First = ("1.0.0", "2019-05-17T10:00:00.000Z");
    private static readonly (string, string) Second = ("2.0.0", "2019-06-03T08:00:00.000Z");

    private const string Android = """
        {"products": [{"vendor": "WhatsApp", "product": "WhatsApp for Android", "version": "2.19.100",
                       "cpe": "cpe:2.3:a:whatsapp:whatsapp:2.19.100:*:*:*:*:android:*:*"}]}
        """;

    [Fact]
    public async Task A_revision_listing_the_version_as_fixed_ends_the_exposure()
    {
        const string tracking = "EXCERT-REV-NOW-FIXED";
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var exposure = $"/api/v1/organisations/{reporter.OrganisationId}/exposure";
        var put = await reporter.Client.PutAsync($"/api/v1/organisations/{reporter.OrganisationId}/inventory", new StringContent(Android, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var first = await ImportAsync(analyst, CsafSamples.WhatsApp2019Revision(tracking, "WHITE", androidAffected: true, First));
        Assert.Equal($"/api/v1/advisories/{first}", Answering(await CheckAsync(factory.CreateClient()), tracking)?["link"]!.GetValue<string>());
        Assert.NotNull(Answering((await reporter.Client.GetNodeAsync(exposure))["exposure"]!, tracking));

        await ImportAsync(analyst, CsafSamples.WhatsApp2019Revision(tracking, "WHITE", androidAffected: false, First, Second));

        Assert.Null(Answering(await CheckAsync(factory.CreateClient()), tracking));
        Assert.Null(Answering(await CheckAsync(analyst.Client), tracking));
        Assert.Null(Answering((await reporter.Client.GetNodeAsync(exposure))["exposure"]!, tracking));
    }

    [Fact]
    public async Task A_revision_listing_the_version_as_affected_starts_the_exposure_and_is_the_one_named()
    {
        const string tracking = "EXCERT-REV-NOW-AFFECTED";
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        await ImportAsync(analyst, CsafSamples.WhatsApp2019Revision(tracking, "WHITE", androidAffected: false, First));
        Assert.Null(Answering(await CheckAsync(factory.CreateClient()), tracking));

        var second = await ImportAsync(analyst, CsafSamples.WhatsApp2019Revision(tracking, "WHITE", androidAffected: true, First, Second));

        var answer = await CheckAsync(factory.CreateClient());
        var advisory = Answering(answer, tracking)!;
        Assert.Equal(("2.0.0", $"/api/v1/advisories/{second}"), (advisory["version"]!.GetValue<string>(), advisory["link"]!.GetValue<string>()));
        Assert.Equal("WA-android-vuln", Assert.Single(advisory["matches"]!.AsArray())!["product"]!["reference"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_older_revision_imported_after_a_newer_one_does_not_answer()
    {
        const string tracking = "EXCERT-REV-OUT-OF-ORDER";
        var analyst = await factory.CreateActorAsync(Roles.Analyst);

        await ImportAsync(analyst, CsafSamples.WhatsApp2019Revision(tracking, "WHITE", androidAffected: false, First, Second));
        await ImportAsync(analyst, CsafSamples.WhatsApp2019Revision(tracking, "WHITE", androidAffected: true, First));

        Assert.Null(Answering(await CheckAsync(analyst.Client), tracking));
    }

    [Fact]
    public async Task Revisions_released_at_the_same_time_are_ordered_by_version_precedence_not_as_text()
    {
        const string tracking = "EXCERT-REV-SAME-DATE";
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var june = "2019-06-03T08:00:00.000Z";

        var newer = await ImportAsync(analyst, CsafSamples.WhatsApp2019Revision(tracking, "WHITE", androidAffected: true, First, ("1.9.0", june), ("1.10.0", june)));
        await ImportAsync(analyst, CsafSamples.WhatsApp2019Revision(tracking, "WHITE", androidAffected: false, First, ("1.9.0", june)));

        Assert.Equal($"/api/v1/advisories/{newer}", Answering(await CheckAsync(analyst.Client), tracking)?["link"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_caller_outside_the_newest_revisions_audience_is_answered_from_the_newest_it_may_read()
    {
        const string tracking = "EXCERT-REV-AMBER-FIX";
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var first = await ImportAsync(analyst, CsafSamples.WhatsApp2019Revision(tracking, "WHITE", androidAffected: true, First));

        await ImportAsync(analyst, CsafSamples.WhatsApp2019Revision(tracking, "AMBER", androidAffected: false, First, Second));

        foreach (var outside in new[] { factory.CreateClient(), reporter.Client })
        {
            var advisory = Answering(await CheckAsync(outside), tracking);
            Assert.Equal(("1.0.0", $"/api/v1/advisories/{first}"), (advisory?["version"]!.GetValue<string>(), advisory?["link"]!.GetValue<string>()));
        }
        Assert.Null(Answering(await CheckAsync(analyst.Client), tracking));
    }

    private static async Task<long> ImportAsync(Actor analyst, JsonObject advisory)
    {
        var response = await analyst.Client.PostJsonAsync("/api/v1/advisories/import", advisory.ToJsonString());
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.JsonAsync())["id"]!.GetValue<long>();
    }

    private static async Task<JsonNode> CheckAsync(HttpClient client)
    {
        var response = await client.PostJsonAsync("/api/v1/affected", Android);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    /// <summary>The advisory with this tracking id in an answer, or null when it does not affect the inventory.</summary>
    private static JsonNode? Answering(JsonNode answer, string tracking) =>
        answer["documents"]!.AsArray().SingleOrDefault(d => d!["id"]!.GetValue<string>().EndsWith("#" + tracking, StringComparison.Ordinal));
}
