using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;
using Provider = Vigil.Server.Tests.Features.Aggregation.ProviderFollowingTests<Vigil.Server.Tests.Infrastructure.VigilFactory>;

namespace Vigil.Server.Tests.Features.Aggregation;

public sealed class PublisherNamespaceOnSqliteTests(LoopbackFollowerFactory factory) : PublisherNamespaceTests<LoopbackFollowerFactory>(factory);

public sealed class PublisherNamespaceOnPostgresTests(LoopbackFollowerPostgresFactory factory) : PublisherNamespaceTests<LoopbackFollowerPostgresFactory>(factory);

/// <summary>
/// Finding "publisher spoofing": a followed provider whose metadata declares another publisher's namespace must not
/// supersede that publisher's advisories. A namespace belongs to the provider that declared it first, or to the one
/// an analyst pins it to, on the record.
/// </summary>
public abstract class PublisherNamespaceTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    private const string Namespaces = "/api/v1/advisories/namespaces";

    [Fact]
    public async Task A_provider_declaring_another_s_namespace_is_refused_and_the_owner_s_advisory_stays_current()
    {
        await using var owner = await StaticCsafProvider.StartAsync("white");
        // Written otherwise (case, trailing '/'), it is still the owner's namespace.
        var spoofed = owner.Namespace.ToUpperInvariant() + "/";
        await using var spoofer = await StaticCsafProvider.StartDeclaringAsync("Spoofer PSIRT", spoofed, "white");
        var trackingId = "SP-SPOOF-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        owner.Publish("white/2024/advisory.json", owner.Document(trackingId));
        owner.WriteText("white/index.txt", "2024/advisory.json\n");
        spoofer.Publish("white/2024/advisory.json", spoofer.Document(trackingId, version: "2", releaseDate: "2024-06-01T00:00:00.000Z"));
        spoofer.WriteText("white/index.txt", "2024/advisory.json\n");
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var ownerId = await Provider.FollowAsync(analyst.Client, owner.MetadataUrl.AbsoluteUri);
        Assert.Equal((1, 0, 0, 0), Provider.Counts(await Provider.RunAsync(analyst.Client, ownerId)));
        var spooferId = await Provider.FollowAsync(analyst.Client, spoofer.MetadataUrl.AbsoluteUri);

        var run = await Provider.RunAsync(analyst.Client, spooferId);

        Assert.Equal((0, 0, 1, 0), Provider.Counts(run));
        var (outcome, reason) = Provider.Entries(run)[spoofer.Url("white/2024/advisory.json")];
        Assert.Equal(RunOutcomeText.Refused, outcome);
        Assert.StartsWith($"publisher namespace {spoofed} belongs to provider {ownerId} ({owner.MetadataUrl.AbsoluteUri}): claimed by its provider-metadata.json at ",
            reason, StringComparison.Ordinal);
        var recorded = (await analyst.Client.GetNodeAsync($"/api/v1/advisories/providers/{spooferId}/runs"))[0]!;
        Assert.Equal(reason, recorded["entries"]![0]!["reason"]!.GetValue<string>());
        var held = (await analyst.Client.GetNodeAsync("/api/v1/advisories")).AsArray().Where(a => a!["tracking_id"]!.GetValue<string>() == trackingId).ToList();
        var current = Assert.Single(held)!;
        Assert.Equal(("1", false, ownerId), (current["version"]!.GetValue<string>(), current["superseded"]!.GetValue<bool>(), current["provider_id"]!.GetValue<long>()));
    }

    [Fact]
    public async Task An_analyst_pins_a_namespace_to_another_provider_on_the_record_and_the_first_is_then_refused()
    {
        // The publisher moved: its old provider declared the namespace first, its new one declares it too.
        await using var old = await StaticCsafProvider.StartAsync("white");
        await using var moved = await StaticCsafProvider.StartDeclaringAsync("Moved PSIRT", old.Namespace, "white");
        var tag = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        old.Publish("white/2024/old.json", old.Document($"SP-OLD-{tag}"));
        old.WriteText("white/index.txt", "2024/old.json\n");
        moved.Publish("white/2024/moved.json", moved.Document($"SP-MOVED-{tag}"));
        moved.WriteText("white/index.txt", "2024/moved.json\n");
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var oldId = await Provider.FollowAsync(analyst.Client, old.MetadataUrl.AbsoluteUri);
        var movedId = await Provider.FollowAsync(analyst.Client, moved.MetadataUrl.AbsoluteUri);
        Assert.Equal((0, 0, 1, 0), Provider.Counts(await Provider.RunAsync(analyst.Client, movedId)));

        var pinned = await PutJsonAsync(analyst.Client, Namespaces, new JsonObject { ["namespace"] = old.Namespace, ["provider_id"] = movedId });

        Assert.True(pinned.StatusCode == HttpStatusCode.OK, await pinned.Content.ReadAsStringAsync());
        var claim = await pinned.JsonAsync();
        Assert.Equal((movedId, analyst.UserId), (claim["provider_id"]!.GetValue<long>(), claim["pinned_by"]!.GetValue<string>()));
        Assert.Equal((1, 0, 0, 0), Provider.Counts(await Provider.RunAsync(analyst.Client, movedId)));
        var refused = await Provider.RunAsync(analyst.Client, oldId);
        Assert.Equal((0, 0, 1, 0), Provider.Counts(refused));
        Assert.StartsWith($"publisher namespace {old.Namespace} belongs to provider {movedId} ({moved.MetadataUrl.AbsoluteUri}): pinned to it by {analyst.UserId} at ",
            Provider.Entries(refused)[old.Url("white/2024/old.json")].Reason, StringComparison.Ordinal);
        var listed = (await analyst.Client.GetNodeAsync(Namespaces)).AsArray().Single(n => n!["namespace"]!.GetValue<string>() == old.Namespace.ToLowerInvariant())!;
        Assert.Equal(movedId, listed["provider_id"]!.GetValue<long>());
        // Finding "every administrative change is on the record": the pin is an event, a leaf of the log.
        var pin = Assert.Single((await analyst.Client.GetNodeAsync($"/api/v1/events?kind=publisher-namespace-pinned&object_id={Uri.EscapeDataString(old.Namespace.ToLowerInvariant())}")).AsArray())!;
        Assert.Equal(analyst.UserId, pin["actor_id"]!.GetValue<string>());
        Assert.Equal((movedId, oldId), (pin["details"]!["provider_id"]!.GetValue<long>(), pin["details"]!["previous_provider_id"]!.GetValue<long>()));
    }

    [Theory]
    [InlineData("""{"provider_id":1}""", new[] { "/namespace" })]
    [InlineData("""{"namespace":"not a uri","provider_id":-1}""", new[] { "/namespace", "/provider_id" })]
    [InlineData("""{"namespace":"https://nobody.example","provider_id":999999}""", new[] { "/provider_id" })]
    [InlineData("""{"namespace":"https://nobody.example","provider_id":1,"extra":true}""", new[] { "/extra" })]
    public async Task A_bad_pin_is_a_problem_naming_each_field_and_changes_nothing(string body, string[] pointers)
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);

        var response = await analyst.Client.PutAsync(Namespaces, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(pointers, await response.ProblemPointersAsync());
        Assert.DoesNotContain((await analyst.Client.GetNodeAsync(Namespaces)).AsArray(), n => n!["namespace"]!.GetValue<string>() == "https://nobody.example");
    }

    [Fact]
    public async Task Only_staff_read_and_pin_namespaces()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var oversight = await factory.CreateActorAsync(Roles.Oversight);
        var body = new JsonObject { ["namespace"] = "https://nobody.example", ["provider_id"] = 1 };

        Assert.Equal(HttpStatusCode.Forbidden, (await PutJsonAsync(reporter.Client, Namespaces, body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PutJsonAsync(oversight.Client, Namespaces, body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.Client.GetAsync(Namespaces)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PutJsonAsync(factory.CreateClient(), Namespaces, body)).StatusCode);
    }

    private static Task<HttpResponseMessage> PutJsonAsync(HttpClient client, string path, JsonObject body) =>
        client.PutAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
}
