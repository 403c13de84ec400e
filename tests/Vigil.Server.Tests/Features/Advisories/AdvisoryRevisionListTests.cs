using System.Net;
using System.Text.Json.Nodes;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Affected;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Advisories;

public sealed class AdvisoryRevisionListOnSqliteTests(VigilFactory factory) : AdvisoryRevisionListTests<VigilFactory>(factory);

public sealed class AdvisoryRevisionListOnPostgresTests(PostgresVigilFactory factory) : AdvisoryRevisionListTests<PostgresVigilFactory>(factory);

/// <summary>GET /api/v1/advisories lists every revision and says of each whether the caller may read a newer one.</summary>
public abstract class AdvisoryRevisionListTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    [Fact]
    public async Task Each_revision_is_listed_and_marked_superseded_when_a_newer_one_is_in_the_callers_audience()
    {
        const string tracking = "EXCERT-LIST-REVISIONS";
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        (string, string) first = ("1.0.0", "2019-05-17T10:00:00.000Z"), second = ("2.0.0", "2019-06-03T08:00:00.000Z");

        // The newer (AMBER) revision arrives first; the older (CLEAR) one is superseded from the moment it is imported.
        var newer = await ImportAsync(analyst, CsafSamples.WhatsApp2019Revision(tracking, "AMBER", androidAffected: false, first, second));
        var older = await ImportAsync(analyst, CsafSamples.WhatsApp2019Revision(tracking, "WHITE", androidAffected: true, first));
        Assert.Equal((false, true), (newer["superseded"]!.GetValue<bool>(), older["superseded"]!.GetValue<bool>()));
        var (newerId, olderId) = (newer["id"]!.GetValue<long>(), older["id"]!.GetValue<long>());

        // Listed as imported, latest import first.
        var forStaff = Revisions(await analyst.Client.GetNodeAsync("/api/v1/advisories"), tracking);
        Assert.Equal([(olderId, "1.0.0", true), (newerId, "2.0.0", false)], forStaff);
        Assert.True((await analyst.Client.GetNodeAsync($"/api/v1/advisories/{olderId}"))["superseded"]!.GetValue<bool>());
        Assert.False((await analyst.Client.GetNodeAsync($"/api/v1/advisories/{newerId}"))["superseded"]!.GetValue<bool>());

        // The public reads only the CLEAR revision, which is the newest it may read.
        var anonymous = factory.CreateClient();
        Assert.Equal([(olderId, "1.0.0", false)], Revisions(await anonymous.GetNodeAsync("/api/v1/advisories"), tracking));
        Assert.False((await anonymous.GetNodeAsync($"/api/v1/advisories/{olderId}"))["superseded"]!.GetValue<bool>());
    }

    private static async Task<JsonNode> ImportAsync(Actor analyst, JsonObject advisory)
    {
        var response = await analyst.Client.PostJsonAsync("/api/v1/advisories/import", advisory.ToJsonString());
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    private static List<(long Id, string Version, bool Superseded)> Revisions(JsonNode list, string tracking) =>
        [.. list.AsArray().Where(a => a!["tracking_id"]!.GetValue<string>() == tracking)
            .Select(a => (a!["id"]!.GetValue<long>(), a["version"]!.GetValue<string>(), a["superseded"]!.GetValue<bool>()))];
}
