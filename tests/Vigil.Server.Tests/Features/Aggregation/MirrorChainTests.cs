using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Vigil.Csaf.Distribution;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Notes;
using Vigil.Server.Tests.Infrastructure;

using ProviderApi = Vigil.Server.Tests.Features.Aggregation.ProviderFollowingTests<Vigil.Server.Tests.Infrastructure.VigilFactory>;

namespace Vigil.Server.Tests.Features.Aggregation;

/// <summary>
/// Three Vigil servers on loopback, each with its own database: A publishes notes as CSAF, B follows A and mirrors it,
/// and C knows only B: it reads B's aggregator.json, follows the mirror named there as it would follow any provider,
/// and must import A's documents with their hashes and A's own signatures checked against A's key as served by B.
/// A and B sit behind plain proxies so that each knows its public address (Csaf:BaseUrl) before it starts.
/// </summary>
public sealed class MirrorChainTests : IAsyncLifetime
{
    private TamperingProxy _frontA = null!;
    private TamperingProxy _frontB = null!;
    private RunningServer _a = null!;
    private RunningServer _b = null!;
    private readonly RunningServer _c = new() { ExtraArguments = [LoopbackFollowerFactory.AllowPrivateNetworksArgument] };

    public async Task InitializeAsync()
    {
        _frontA = await TamperingProxy.StartAsync();
        _frontB = await TamperingProxy.StartAsync();
        _a = new RunningServer { ExtraArguments = [$"--Csaf:BaseUrl={Base(_frontA)}", "--Csaf:PublisherName=CERT A"] };
        _b = new RunningServer { ExtraArguments = [$"--Csaf:BaseUrl={Base(_frontB)}", "--Csaf:PublisherName=CERT B", LoopbackFollowerFactory.AllowPrivateNetworksArgument] };
        await _a.InitializeAsync();
        await _b.InitializeAsync();
        await _c.InitializeAsync();
        _frontA.Upstream = _a.Address;
        _frontB.Upstream = _b.Address;
    }

    [Fact]
    public async Task C_follows_B_s_mirror_of_A_and_imports_A_s_documents_with_A_s_hashes_and_signatures()
    {
        using var author = Client(_a.Address, (await Seed.UserAsync(_a.Services, Roles.Analyst)).Token);
        using var analystB = Client(_b.Address, (await Seed.UserAsync(_b.Services, Roles.Analyst)).Token);
        using var analystC = Client(_c.Address, (await Seed.UserAsync(_c.Services, Roles.Analyst)).Token);
        var published = new List<string>();
        for (var n = 0; n < 3; n++)
        {
            var id = await author.CreateNoteAsync(NoteSamples.Minimal($"Mirrored note {n}"));
            await author.PublishNoteAsync(id);
            published.Add(id);
        }

        var providerAtB = await ProviderApi.FollowAsync(analystB, _frontA.Address.AbsoluteUri);
        Assert.Equal((3, 0, 0, 3), ProviderApi.Counts(await ProviderApi.RunAsync(analystB, providerAtB)));

        // C starts from B's aggregator.json, as an aggregator-aware client does.
        var anonymousB = new HttpClient { BaseAddress = _frontB.Address };
        var aggregator = await anonymousB.GetNodeAsync("/.well-known/csaf-aggregator/aggregator.json");
        Assert.Empty(AggregatorSchema.Problems(aggregator));
        Assert.Equal("aggregator", aggregator["aggregator"]!["category"]!.GetValue<string>());
        var entry = aggregator["csaf_providers"]!.AsArray().Single()!;
        Assert.Equal(_frontA.Address.AbsoluteUri + ".well-known/csaf/provider-metadata.json", entry["metadata"]!["url"]!.GetValue<string>());
        var mirrorUrl = entry["mirrors"]!.AsArray().Single()!.GetValue<string>();
        Assert.Equal(Base(_frontB) + "/.well-known/csaf-aggregator/cert_a/provider-metadata.json", mirrorUrl);

        var mirror = await anonymousB.GetNodeAsync(mirrorUrl);
        Assert.Empty(AggregatorSchema.ProviderMetadataProblems(mirror));
        Assert.Equal(mirrorUrl, mirror["canonical_url"]!.GetValue<string>());
        Assert.Equal("csaf_trusted_provider", mirror["role"]!.GetValue<string>());
        Assert.Equal("CERT A", mirror["publisher"]!["name"]!.GetValue<string>());
        Assert.Equal(Base(_frontA), mirror["publisher"]!["namespace"]!.GetValue<string>());
        var metadataAtA = await anonymousB.GetNodeAsync(_frontA.Address + ".well-known/csaf/provider-metadata.json");
        var keyAtA = await anonymousB.GetByteArrayAsync(metadataAtA["public_openpgp_keys"]![0]!["url"]!.GetValue<string>());
        var mirroredKey = mirror["public_openpgp_keys"]!.AsArray().Single()!;
        Assert.StartsWith(Base(_frontB) + "/.well-known/csaf-aggregator/cert_a/openpgp/", mirroredKey["url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(keyAtA, await anonymousB.GetByteArrayAsync(mirroredKey["url"]!.GetValue<string>()));

        // The mirror's directory lists exactly A's public documents, at A's own paths.
        var indexAtA = Lines(await anonymousB.GetStringAsync(_frontA.Address + ".well-known/csaf/white/index.txt"));
        Assert.Equal(3, indexAtA.Count);
        Assert.Equal(indexAtA, Lines(await anonymousB.GetStringAsync(mirrorUrl.Replace("provider-metadata.json", "white/index.txt", StringComparison.Ordinal))));
        var changes = await anonymousB.GetStringAsync(mirrorUrl.Replace("provider-metadata.json", "white/changes.csv", StringComparison.Ordinal));
        Assert.Equal(indexAtA, Lines(changes).Select(l => l.Split(',')[0].Trim('"')).Order(StringComparer.Ordinal).ToList());

        var providerAtC = await ProviderApi.FollowAsync(analystC, mirrorUrl);
        var run = await ProviderApi.RunAsync(analystC, providerAtC);
        Assert.Equal((3, 0, 0, 0), ProviderApi.Counts(run));
        Assert.All(run["entries"]!.AsArray(), e => Assert.StartsWith(Base(_frontB) + "/.well-known/csaf-aggregator/cert_a/white/", e!["url"]!.GetValue<string>(), StringComparison.Ordinal));

        var keys = OpenPgpSignatures.ReadKey(keyAtA, null);
        var heldAtC = await HeldAsync(analystC);
        foreach (var id in published)
        {
            var path = await CsafPathAsync(author, id);
            var atA = await author.GetByteArrayAsync(path);
            var signatureAtA = await author.GetByteArrayAsync(path + ".asc");
            var mirrored = Base(_frontB) + "/.well-known/csaf-aggregator/cert_a/white/" + path["/.well-known/csaf/white/".Length..];
            Assert.Equal(atA, await anonymousB.GetByteArrayAsync(mirrored));
            Assert.Equal(signatureAtA, await anonymousB.GetByteArrayAsync(mirrored + ".asc"));
            Assert.True(OpenPgpSignatures.Check(atA, await anonymousB.GetByteArrayAsync(mirrored + ".asc"), keys).IsValid);
            Assert.Equal(await author.GetStringAsync(path + ".sha256"), await anonymousB.GetStringAsync(mirrored + ".sha256"));
            Assert.Equal(await author.GetStringAsync(path + ".sha512"), await anonymousB.GetStringAsync(mirrored + ".sha512"));
            var advisory = heldAtC[(id, "1.0.0")];
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(atA)), advisory["sha256"]!.GetValue<string>());
            Assert.Equal(atA, await analystC.GetByteArrayAsync(advisory["document_url"]!.GetValue<string>()));
        }

        // A revision: B's mirror serves the new bytes at the same path (B keeps both), and C picks it up through the mirror.
        var path0 = await CsafPathAsync(author, published[0]);
        var before = await author.GetByteArrayAsync(path0);
        await author.ReviseNoteAsync(published[0], NoteSamples.Minimal("Mirrored note 0, revised"), "Reworded the title.");
        Assert.Equal((1, 2, 0, 3), ProviderApi.Counts(await ProviderApi.RunAsync(analystB, providerAtB)));
        var mirrored0 = Base(_frontB) + "/.well-known/csaf-aggregator/cert_a/white/" + path0["/.well-known/csaf/white/".Length..];
        var after = await anonymousB.GetByteArrayAsync(mirrored0);
        Assert.NotEqual(before, after);
        Assert.Equal(await author.GetByteArrayAsync(path0), after);
        Assert.Equal(await author.GetByteArrayAsync(path0 + ".asc"), await anonymousB.GetByteArrayAsync(mirrored0 + ".asc"));
        var heldAtB = await HeldAsync(analystB);
        Assert.True(heldAtB.ContainsKey((published[0], "1.0.0")) && heldAtB.ContainsKey((published[0], "1.1.0")));

        var again = await ProviderApi.RunAsync(analystC, providerAtC);
        Assert.Equal((1, 2, 0, 0), ProviderApi.Counts(again));
        Assert.Equal("revision", again["entries"]!.AsArray().Single()!["outcome"]!.GetValue<string>());
        Assert.Equal("Mirrored note 0, revised", (await HeldAsync(analystC))[(published[0], "1.1.0")]["title"]!.GetValue<string>());
    }

    private static string Base(TamperingProxy proxy) => proxy.Address.AbsoluteUri.TrimEnd('/');

    private static List<string> Lines(string text) => [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)];

    private static async Task<string> CsafPathAsync(HttpClient author, string id) =>
        new Uri((await author.GetNodeAsync($"/api/v1/notes/{id}"))["links"]!["csaf"]!.GetValue<string>()).AbsolutePath;

    private static async Task<Dictionary<(string Id, string Version), JsonNode>> HeldAsync(HttpClient analyst) =>
        (await analyst.GetNodeAsync("/api/v1/advisories")).AsArray()
            .ToDictionary(a => (a!["tracking_id"]!.GetValue<string>(), a["version"]!.GetValue<string>()), a => a!);

    private static HttpClient Client(Uri address, string token)
    {
        var client = new HttpClient { BaseAddress = address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task DisposeAsync()
    {
        await _c.DisposeAsync();
        await _b.DisposeAsync();
        await _a.DisposeAsync();
        await _frontB.DisposeAsync();
        await _frontA.DisposeAsync();
    }
}
