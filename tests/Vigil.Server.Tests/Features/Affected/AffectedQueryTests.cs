using System.Net;
using System.Text.Json.Nodes;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Notes;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Affected;

public sealed class AffectedQueryOnSqliteTests(VigilFactory factory) : AffectedQueryTests<VigilFactory>(factory);

public sealed class AffectedQueryOnPostgresTests(PostgresVigilFactory factory) : AffectedQueryTests<PostgresVigilFactory>(factory);

/// <summary>POST /api/v1/affected with the sample SBOMs and product lists against the 2019 note.</summary>
public abstract class AffectedQueryTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    [Theory]
    [InlineData("1.4", "cpe", "/components/0")]
    [InlineData("1.5", "name", "/components/0")]
    [InlineData("1.6", "purl", "/metadata/component/components/0")]
    public async Task The_2019_note_affects_2_19_100_and_not_2_19_134_and_says_how_it_matched(string specVersion, string method, string pointer)
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var id = await AffectedSamples.PublishAsync(analyst.Client, AffectedSamples.Note2019WithPurl());
        var anonymous = factory.CreateClient();

        var answer = await CheckAsync(anonymous, AffectedSamples.Sbom(specVersion));
        var note = Assert.Single(answer["documents"]!.AsArray(), d => d!["id"]!.GetValue<string>() == id)!;
        Assert.Equal("vigil-note", note["kind"]!.GetValue<string>());
        Assert.Equal(["CVE-2019-3568"], note["cve_ids"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("Upgrade WhatsApp to the latest version from the official app store.", note["remediation"]!["countermeasures"]!.GetValue<string>());
        var match = note["matches"]!.AsArray().First(m => m!["product"]!["reference"]!.GetValue<string>() == "/products/0")!;
        Assert.Equal(method, match["method"]!.GetValue<string>());
        Assert.Equal(pointer, match["component"]!["pointer"]!.GetValue<string>());
        Assert.Equal("vers:semver/<2.19.134", match["range"]!.GetValue<string>());
        Assert.Equal(["2.19.134"], match["fixed_versions"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal("WhatsApp for Android", match["product"]!["product"]!.GetValue<string>());

        var fixedAnswer = await CheckAsync(anonymous, AffectedSamples.Sbom(specVersion, "2.19.134"));
        Assert.DoesNotContain(fixedAnswer["documents"]!.AsArray(), d => d!["id"]!.GetValue<string>() == id);
    }

    [Fact]
    public async Task A_product_list_is_matched_by_name_and_a_fixed_version_is_not()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var id = await AffectedSamples.PublishAsync(analyst.Client, NoteSamples.Cve20193568());
        var body = new JsonObject
        {
            ["products"] = new JsonArray(
                new JsonObject { ["vendor"] = "WhatsApp", ["product"] = "WhatsApp for iOS", ["version"] = "2.19.50" },
                new JsonObject { ["vendor"] = "WhatsApp", ["product"] = "WhatsApp for Android", ["version"] = "2.19.134" }),
        };

        var answer = await CheckAsync(factory.CreateClient(), body.ToJsonString());
        var note = Assert.Single(answer["documents"]!.AsArray(), d => d!["id"]!.GetValue<string>() == id)!;
        var match = Assert.Single(note["matches"]!.AsArray())!;
        Assert.Equal(("/products/0", "name", "/products/2"),
            (match["component"]!["pointer"]!.GetValue<string>(), match["method"]!.GetValue<string>(), match["product"]!["reference"]!.GetValue<string>()));
        Assert.Equal(2, answer["components_checked"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_reporter_learns_of_GREEN_notes_the_public_does_not_and_nobody_of_AMBER_or_drafts()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var green = await AffectedSamples.PublishAsync(analyst.Client, AffectedSamples.Note2019WithPurl("GREEN"));
        var amber = await AffectedSamples.PublishAsync(analyst.Client, AffectedSamples.Note2019WithPurl("AMBER"));
        var draft = await analyst.Client.CreateNoteAsync(AffectedSamples.Note2019WithPurl());
        var sbom = AffectedSamples.Sbom("1.6");

        var forReporter = Ids(await CheckAsync(reporter.Client, sbom));
        var forPublic = Ids(await CheckAsync(factory.CreateClient(), sbom));
        var forAnalyst = Ids(await CheckAsync(analyst.Client, sbom));

        Assert.Contains(green, forReporter);
        Assert.DoesNotContain(amber, forReporter);
        Assert.DoesNotContain(green, forPublic);
        Assert.Contains(amber, forAnalyst);
        Assert.DoesNotContain(draft, forAnalyst);
    }

    [Fact]
    public async Task A_withdrawn_note_no_longer_affects_anything()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var id = await AffectedSamples.PublishAsync(analyst.Client, AffectedSamples.Note2019WithPurl());
        await analyst.Client.WithdrawNoteAsync(id, "Superseded.");

        Assert.DoesNotContain(id, Ids(await CheckAsync(factory.CreateClient(), AffectedSamples.Sbom("1.6"))));
    }

    [Fact]
    public async Task A_revision_widening_the_range_is_answered_at_once()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var note = AffectedSamples.Note2019WithPurl();
        var id = await AffectedSamples.PublishAsync(analyst.Client, note);
        var sbom = AffectedSamples.Sbom("1.6", "2.19.150");
        Assert.DoesNotContain(id, Ids(await CheckAsync(factory.CreateClient(), sbom)));

        note["products"]![0]!["affected"] = new JsonArray("vers:semver/<2.19.200");
        note["products"]![0]!["fixed"] = new JsonArray("2.19.200");
        await analyst.Client.ReviseNoteAsync(id, note, "The fix came later than first reported.");

        Assert.Contains(id, Ids(await CheckAsync(factory.CreateClient(), sbom)));
    }

    private static async Task<JsonNode> CheckAsync(HttpClient client, string body)
    {
        var response = await client.PostJsonAsync("/api/v1/affected", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    private static List<string> Ids(JsonNode answer) => [.. answer["documents"]!.AsArray().Select(d => d!["id"]!.GetValue<string>())];
}
