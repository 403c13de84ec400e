using System.Net;
using System.Text.Json.Nodes;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Aggregation;

public sealed class MirrorOnSqliteTests(LoopbackFollowerFactory factory) : MirrorTests<LoopbackFollowerFactory>(factory);

public sealed class MirrorOnPostgresTests(LoopbackFollowerPostgresFactory factory) : MirrorTests<LoopbackFollowerPostgresFactory>(factory);

/// <summary>
/// Vigil's mirror of a followed provider serves only what is TLP:CLEAR (WHITE): a document labelled otherwise, or
/// without a label, fetched from the same public directory, is imported for analysts but never leaves through the
/// mirror, and neither does an advisory whose newest revision is no longer CLEAR.
/// </summary>
public abstract class MirrorTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    [Fact]
    public async Task Only_CLEAR_documents_are_served_on_the_mirror_and_everything_else_is_404()
    {
        var tag = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        await using var provider = await StaticCsafProvider.StartMirroredAsync($"Vendor {tag} PSIRT", "white");
        string Id(string name) => $"MV-{tag}-{name}";
        provider.Publish("white/2024/clear.json", provider.Document(Id("CLEAR")));
        provider.Publish("white/2024/green.json", provider.Document(Id("GREEN"), tlp: "GREEN"));
        provider.Publish("white/2024/amber.json", provider.Document(Id("AMBER"), tlp: "AMBER"));
        provider.Publish("white/2024/unlabelled.json", provider.Document(Id("UNLABELLED"), tlp: null));
        provider.Publish("white/2024/relabelled.json", provider.Document(Id("RELABELLED")));
        provider.WriteText("white/index.txt", "2024/clear.json\n2024/green.json\n2024/amber.json\n2024/unlabelled.json\n2024/relabelled.json\n");
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var id = await ProviderFollowingTests<TFactory>.FollowAsync(analyst.Client, provider.MetadataUrl.AbsoluteUri);
        Assert.Equal((5, 0, 0, 0), ProviderFollowingTests<TFactory>.Counts(await ProviderFollowingTests<TFactory>.RunAsync(analyst.Client, id)));
        var anonymous = factory.CreateClient();
        var folder = $"/.well-known/csaf-aggregator/vendor_{tag.ToLowerInvariant()}_psirt";

        // Before the relabelling, the CLEAR revision of RELABELLED is on the mirror.
        var clear = $"{folder}/white/2024/{Id("CLEAR").ToLowerInvariant()}.json";
        var relabelled = $"{folder}/white/2024/{Id("RELABELLED").ToLowerInvariant()}.json";
        Assert.Equal([clear, relabelled], Listed(folder, await anonymous.GetStringAsync($"{folder}/white/index.txt")));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(relabelled)).StatusCode);

        provider.Publish("white/2024/relabelled.json", provider.Document(Id("RELABELLED"), version: "2", releaseDate: "2024-02-01T00:00:00.000Z", tlp: "GREEN"));
        Assert.Equal((1, 4, 0, 0), ProviderFollowingTests<TFactory>.Counts(await ProviderFollowingTests<TFactory>.RunAsync(analyst.Client, id)));

        Assert.Equal([clear], Listed(folder, await anonymous.GetStringAsync($"{folder}/white/index.txt")));
        Assert.Single((await anonymous.GetStringAsync($"{folder}/white/changes.csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var feed = await anonymous.GetNodeAsync($"{folder}/white/csaf-feed-tlp-white.json");
        Assert.Equal(Id("CLEAR"), feed["feed"]!["entry"]!.AsArray().Single()!["id"]!.GetValue<string>());
        Assert.Equal(provider.Document(Id("CLEAR")), await anonymous.GetByteArrayAsync(clear));
        foreach (var name in new[] { "GREEN", "AMBER", "UNLABELLED", "RELABELLED" })
        {
            foreach (var suffix in new[] { "", ".sha256", ".sha512", ".asc" })
            {
                var response = await anonymous.GetAsync($"{folder}/white/2024/{Id(name).ToLowerInvariant()}.json{suffix}");
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{name}{suffix}: {response.StatusCode}");
            }
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"{folder}/green/2024/{Id(name).ToLowerInvariant()}.json")).StatusCode);
        }
        // Analysts still hold every one of them, and both revisions of the relabelled advisory.
        var held = (await analyst.Client.GetNodeAsync("/api/v1/advisories")).AsArray()
            .Where(a => a!["tracking_id"]!.GetValue<string>().Contains(tag, StringComparison.Ordinal)).ToList();
        Assert.Equal(6, held.Count);
    }

    [Fact]
    public async Task A_publisher_named_like_another_s_numbered_folder_does_not_stop_that_provider_s_runs()
    {
        // C follows "Acme"'s lead but another provider already has "acme"; C's folder would be "acme-<C's id>",
        // which B, a provider named after exactly that, took first.
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using var a = await StaticCsafProvider.StartMirroredAsync($"Acme{tag}", "white");
        await using var c = await StaticCsafProvider.StartMirroredAsync($"Acme{tag}", "white");
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var idC = await ProviderFollowingTests<TFactory>.FollowAsync(analyst.Client, c.MetadataUrl.AbsoluteUri);
        await using var b = await StaticCsafProvider.StartMirroredAsync($"Acme{tag}-{idC}", "white");
        // aggregator.json names a mirror once it holds a document (issue 14): each provider publishes one.
        foreach (var (provider, name) in new[] { (a, "A"), (b, "B"), (c, "C") })
        {
            provider.Publish("white/2024/x.json", provider.Document($"AC-{tag}-{name}"));
            provider.WriteText("white/index.txt", "2024/x.json\n");
        }
        await ProviderFollowingTests<TFactory>.RunAsync(analyst.Client, await ProviderFollowingTests<TFactory>.FollowAsync(analyst.Client, a.MetadataUrl.AbsoluteUri));
        await ProviderFollowingTests<TFactory>.RunAsync(analyst.Client, await ProviderFollowingTests<TFactory>.FollowAsync(analyst.Client, b.MetadataUrl.AbsoluteUri));

        await ProviderFollowingTests<TFactory>.RunAsync(analyst.Client, idC);

        var mirrors = (await factory.CreateClient().GetNodeAsync("/.well-known/csaf-aggregator/aggregator.json"))["csaf_providers"]!.AsArray()
            .Where(p => p!["metadata"]!["publisher"]!["name"]!.GetValue<string>().StartsWith($"Acme{tag}", StringComparison.Ordinal))
            .Select(p => p!["mirrors"]![0]!.GetValue<string>()).ToList();
        Assert.Equal(3, mirrors.Count);
        Assert.Equal(3, mirrors.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task A_provider_that_forbids_mirroring_has_no_mirror_and_is_listed_without_one()
    {
        await using var provider = await StaticCsafProvider.StartAsync("white");
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        provider.Publish("white/2024/advisory.json", provider.Document("SP-NOMIRROR-" + Guid.NewGuid().ToString("N")[..8]));
        provider.WriteText("white/index.txt", "2024/advisory.json\n");
        await ProviderFollowingTests<TFactory>.RunAsync(analyst.Client, await ProviderFollowingTests<TFactory>.FollowAsync(analyst.Client, provider.MetadataUrl.AbsoluteUri));

        var aggregator = await factory.CreateClient().GetNodeAsync("/.well-known/csaf-aggregator/aggregator.json");

        Assert.Empty(AggregatorSchema.Problems(aggregator));
        var entry = aggregator["csaf_providers"]!.AsArray().Single(p => p!["metadata"]!["url"]!.GetValue<string>() == provider.MetadataUrl.AbsoluteUri)!;
        Assert.Null(entry["mirrors"]);
        var response = await factory.CreateClient().GetAsync("/.well-known/csaf-aggregator/static_provider_psirt/provider-metadata.json");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("no-such-mirror/provider-metadata.json")]
    [InlineData("no-such-mirror/white/index.txt")]
    [InlineData("no-such-mirror/white/2024/x.json")]
    [InlineData("no-such-mirror/openpgp/ABCDEF.asc")]
    public async Task An_unknown_mirror_is_a_404_problem(string path)
    {
        var response = await factory.CreateClient().GetAsync("/.well-known/csaf-aggregator/" + path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("mirror named 'no-such-mirror'", (await response.JsonAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_known_mirror_answers_404_problems_for_files_it_does_not_hold()
    {
        var tag = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        await using var provider = await StaticCsafProvider.StartMirroredAsync($"Known {tag}", "white");
        provider.Publish("white/2024/a.json", provider.Document($"KM-{tag}"));
        provider.WriteText("white/index.txt", "2024/a.json\n");
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        await ProviderFollowingTests<TFactory>.RunAsync(analyst.Client, await ProviderFollowingTests<TFactory>.FollowAsync(analyst.Client, provider.MetadataUrl.AbsoluteUri));
        var folder = $"/.well-known/csaf-aggregator/known_{tag.ToLowerInvariant()}";
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{folder}/white/2024/km-{tag.ToLowerInvariant()}.json.asc")).StatusCode);

        foreach (var path in new[] { $"2025/km-{tag.ToLowerInvariant()}.json", $"2024/km-{tag.ToLowerInvariant()}.txt", $"2024/km-{tag.ToLowerInvariant()}.json.md5", "2024/other.json" })
        {
            var response = await client.GetAsync($"{folder}/white/{path}");
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{folder}/openpgp/{provider.Stranger.Fingerprint}.asc")).StatusCode);
        Assert.Equal(provider.Key.ArmoredPublicKey(), await client.GetByteArrayAsync($"{folder}/openpgp/{provider.Key.Fingerprint}.asc"));
    }

    private static List<string> Listed(string folder, string index) =>
        [.. index.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(p => $"{folder}/white/{p}").Order(StringComparer.Ordinal)];
}
