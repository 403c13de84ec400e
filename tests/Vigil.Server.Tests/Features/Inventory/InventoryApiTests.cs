using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Affected;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Inventory;

public sealed class InventoryApiOnSqliteTests(VigilFactory factory) : InventoryApiTests<VigilFactory>(factory);

public sealed class InventoryApiOnPostgresTests(PostgresVigilFactory factory) : InventoryApiTests<PostgresVigilFactory>(factory);

/// <summary>PUT/GET /api/v1/organisations/{id}/inventory and GET .../exposure: who may, what is kept, what affects it.</summary>
public abstract class InventoryApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    [Fact]
    public async Task A_reporter_uploads_an_SBOM_and_its_exposure_names_the_2019_note_with_the_component_and_why()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var note = await AffectedSamples.PublishAsync(analyst.Client, AffectedSamples.Note2019WithPurl());
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var path = $"/api/v1/organisations/{reporter.OrganisationId}";

        var put = await PutAsync(reporter.Client, $"{path}/inventory", AffectedSamples.Sbom("1.6"));
        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        var inventory = await reporter.Client.GetNodeAsync($"{path}/inventory");
        Assert.Equal("cyclonedx-1.6", inventory["format"]!.GetValue<string>());
        Assert.Equal(reporter.UserId, inventory["updated_by"]!.GetValue<string>());
        var app = Assert.Single(inventory["components"]!.AsArray(), c => c!["pointer"]!.GetValue<string>() == "/metadata/component/components/0")!;
        Assert.Equal(("2.19.100", "pkg:generic/whatsapp/whatsapp-android@2.19.100"), (app["version"]!.GetValue<string>(), app["purl"]!.GetValue<string>()));
        Assert.Equal(inventory["components"]!.AsArray().Count, inventory["component_count"]!.GetValue<int>());

        foreach (var reader in new[] { reporter.Client, analyst.Client })
        {
            var exposure = await reader.GetNodeAsync($"{path}/exposure");
            var document = Assert.Single(exposure["exposure"]!["documents"]!.AsArray(), d => d!["id"]!.GetValue<string>() == note)!;
            var match = Assert.Single(document["matches"]!.AsArray(), m => m!["component"]!["pointer"]!.GetValue<string>() == "/metadata/component/components/0")!;
            Assert.Equal(("purl", "version-in-range"), (match["method"]!.GetValue<string>(), match["basis"]!.GetValue<string>()));
            Assert.Contains("lies in vers:semver/<2.19.134", match["reason"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal(["2.19.134"], document["remediation"]!["fixed_versions"]!.AsArray().Select(v => v!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task An_upload_replaces_the_inventory_and_a_fixed_version_is_no_longer_exposed()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var note = await AffectedSamples.PublishAsync(analyst.Client, AffectedSamples.Note2019WithPurl());
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var path = $"/api/v1/organisations/{reporter.OrganisationId}";
        await PutAsync(reporter.Client, $"{path}/inventory", AffectedSamples.Sbom("1.6"));

        var list = """{"products": [{"vendor": "WhatsApp", "product": "WhatsApp for Android", "version": "2.19.134"}]}""";
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(reporter.Client, $"{path}/inventory", list)).StatusCode);

        var inventory = await reporter.Client.GetNodeAsync($"{path}/inventory");
        Assert.Equal(("product-list", 1), (inventory["format"]!.GetValue<string>(), inventory["component_count"]!.GetValue<int>()));
        Assert.Equal("WhatsApp for Android", Assert.Single(inventory["components"]!.AsArray())!["name"]!.GetValue<string>());
        var exposure = await reporter.Client.GetNodeAsync($"{path}/exposure");
        Assert.DoesNotContain(exposure["exposure"]!["documents"]!.AsArray(), d => d!["id"]!.GetValue<string>() == note);
    }

    [Fact]
    public async Task A_bad_upload_names_each_bad_field_and_leaves_the_inventory_as_it_was()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var path = $"/api/v1/organisations/{reporter.OrganisationId}/inventory";
        await PutAsync(reporter.Client, path, AffectedSamples.Sbom("1.5"));

        var bad = await PutAsync(reporter.Client, path, """{"bomFormat": "CycloneDX", "specVersion": "1.2", "components": [{"version": "1"}, {"name": "x", "purl": "nope"}]}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Equal(["/components/0/name", "/components/1/purl", "/specVersion"], (await bad.ProblemPointersAsync()).Order(StringComparer.Ordinal));
        Assert.Equal("cyclonedx-1.5", (await reporter.Client.GetNodeAsync(path))["format"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, (await PutAsync(reporter.Client, path, "{\"products\": [")).StatusCode);
    }

    [Fact]
    public async Task Another_organisations_reporter_finds_nothing_oversight_is_forbidden_and_the_public_must_sign_in()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var path = $"/api/v1/organisations/{reporter.OrganisationId}";
        await PutAsync(reporter.Client, $"{path}/inventory", AffectedSamples.Sbom("1.6"));
        var stranger = await factory.CreateActorAsync(Roles.Reporter);
        var oversight = await factory.CreateActorAsync(Roles.Oversight);

        foreach (var suffix in new[] { "/inventory", "/exposure" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync(path + suffix)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await oversight.Client.GetAsync(path + suffix)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync(path + suffix)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await PutAsync(stranger.Client, $"{path}/inventory", AffectedSamples.Sbom("1.6"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await factory.CreateActorAsync(Roles.Analyst)).Client.GetAsync("/api/v1/organisations/no-such-org/inventory")).StatusCode);
    }

    [Fact]
    public async Task The_exposure_stays_within_the_callers_TLP_audience()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var amber = await AffectedSamples.PublishAsync(analyst.Client, AffectedSamples.Note2019WithPurl("AMBER"));
        var green = await AffectedSamples.PublishAsync(analyst.Client, AffectedSamples.Note2019WithPurl("GREEN"));
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var path = $"/api/v1/organisations/{reporter.OrganisationId}";
        await PutAsync(reporter.Client, $"{path}/inventory", AffectedSamples.Sbom("1.6"));

        var forReporter = Ids(await reporter.Client.GetNodeAsync($"{path}/exposure"));
        var forAnalyst = Ids(await analyst.Client.GetNodeAsync($"{path}/exposure"));

        Assert.Contains(green, forReporter);
        Assert.DoesNotContain(amber, forReporter);
        Assert.Contains(amber, forAnalyst);
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string path, string json) =>
        client.PutAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private static List<string> Ids(JsonNode answer) => [.. answer["exposure"]!["documents"]!.AsArray().Select(d => d!["id"]!.GetValue<string>())];
}
