using System.Net;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Csaf;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Aggregation;

public sealed class MirrorListingOnSqliteTests(LoopbackFollowerFactory factory) : MirrorListingTests<LoopbackFollowerFactory>(factory);

public sealed class MirrorListingOnPostgresTests(LoopbackFollowerPostgresFactory factory) : MirrorListingTests<LoopbackFollowerPostgresFactory>(factory);

/// <summary>
/// Issue 14: a mirror names its documents as CSAF section 5.1 does (one '_' per run), lists its directory and year
/// folders (requirement 14), and is named in aggregator.json only once it holds a document.
/// </summary>
public abstract class MirrorListingTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    [Fact]
    public async Task A_mirrored_document_is_served_at_its_section_5_1_name_and_not_at_one_underscore_per_character()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using var provider = await StaticCsafProvider.StartMirroredAsync($"Names {tag}", "white");
        var document = provider.Document($"MN_:_{tag}_ #1");
        provider.Publish("white/2024/named.json", document);
        provider.WriteText("white/index.txt", "2024/named.json\n");
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        await ProviderFollowingTests<TFactory>.RunAsync(analyst.Client, await ProviderFollowingTests<TFactory>.FollowAsync(analyst.Client, provider.MetadataUrl.AbsoluteUri));
        var folder = $"/.well-known/csaf-aggregator/names_{tag}/white";
        var anonymous = factory.CreateClient();

        Assert.Equal($"2024/mn_{tag}_1.json\n", await anonymous.GetStringAsync($"{folder}/index.txt"));
        Assert.Equal(document, await anonymous.GetByteArrayAsync($"{folder}/2024/mn_{tag}_1.json"));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"{folder}/2024/mn_{tag}_1.json.asc")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"{folder}/2024/mn___{tag}___1.json")).StatusCode);
    }

    [Fact]
    public async Task The_mirror_directory_and_its_year_folders_are_listed_and_every_link_resolves()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using var provider = await StaticCsafProvider.StartMirroredAsync($"Listed {tag}", "white");
        provider.Publish("white/2024/a.json", provider.Document($"ML-{tag}-A"));
        provider.Publish("white/2024/b.json", provider.Document($"ML-{tag}-B"));
        provider.Publish("white/2024/g.json", provider.Document($"ML-{tag}-G", tlp: "GREEN"));
        provider.WriteText("white/index.txt", "2024/a.json\n2024/b.json\n2024/g.json\n");
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        await ProviderFollowingTests<TFactory>.RunAsync(analyst.Client, await ProviderFollowingTests<TFactory>.FollowAsync(analyst.Client, provider.MetadataUrl.AbsoluteUri));
        var anonymous = factory.CreateClient();
        var metadata = await anonymous.GetNodeAsync($"/.well-known/csaf-aggregator/listed_{tag}/provider-metadata.json");
        var directory = new Uri(metadata["distributions"]![0]!["directory_url"]!.GetValue<string>()).AbsolutePath;

        var top = HtmlLinks.Of(await anonymous.GetStringAsync(directory));
        var year = HtmlLinks.Of(await anonymous.GetStringAsync(directory + "2024/"));

        Assert.Equal([directory + "2024/", directory + "csaf-feed-tlp-white.json", directory + "changes.csv", directory + "index.txt"], top);
        var expected = new[] { "a", "b" }.SelectMany(n => new[] { "", ".asc", ".sha256", ".sha512" }.Select(s => $"{directory}2024/ml-{tag}-{n}.json{s}"));
        Assert.Equal([directory, .. expected], year);
        foreach (var link in top.Concat(year))
        {
            Assert.True((await anonymous.GetAsync(link)).StatusCode == HttpStatusCode.OK, link);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(directory + "2023/")).StatusCode);
    }

    [Fact]
    public async Task A_mirror_is_named_in_aggregator_json_only_once_it_holds_a_document()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using var provider = await StaticCsafProvider.StartMirroredAsync($"Refused {tag}", "white");
        provider.Publish("white/2024/unsigned.json", provider.Document($"MR-{tag}-UNSIGNED"), signed: false);
        provider.WriteText("white/index.txt", "2024/unsigned.json\n");
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var id = await ProviderFollowingTests<TFactory>.FollowAsync(analyst.Client, provider.MetadataUrl.AbsoluteUri);
        Assert.Equal((0, 0, 1, 0), ProviderFollowingTests<TFactory>.Counts(await ProviderFollowingTests<TFactory>.RunAsync(analyst.Client, id)));

        var entry = await EntryAsync(provider);
        Assert.Null(entry["mirrors"]);

        provider.Publish("white/2024/signed.json", provider.Document($"MR-{tag}-SIGNED"));
        provider.WriteText("white/index.txt", "2024/unsigned.json\n2024/signed.json\n");
        Assert.Equal((1, 0, 1, 0), ProviderFollowingTests<TFactory>.Counts(await ProviderFollowingTests<TFactory>.RunAsync(analyst.Client, id)));

        entry = await EntryAsync(provider);
        Assert.EndsWith($"/.well-known/csaf-aggregator/refused_{tag}/provider-metadata.json", entry["mirrors"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private async Task<System.Text.Json.Nodes.JsonNode> EntryAsync(StaticCsafProvider provider)
    {
        var aggregator = await factory.CreateClient().GetNodeAsync("/.well-known/csaf-aggregator/aggregator.json");
        Assert.Empty(AggregatorSchema.Problems(aggregator));
        return aggregator["csaf_providers"]!.AsArray().Single(p => p!["metadata"]!["url"]!.GetValue<string>() == provider.MetadataUrl.AbsoluteUri)!;
    }
}
