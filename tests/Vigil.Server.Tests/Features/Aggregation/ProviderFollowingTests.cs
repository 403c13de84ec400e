using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Aggregation;

public sealed class ProviderFollowingOnSqliteTests(LoopbackFollowerFactory factory) : ProviderFollowingTests<LoopbackFollowerFactory>(factory);

public sealed class ProviderFollowingOnPostgresTests(LoopbackFollowerPostgresFactory factory) : ProviderFollowingTests<LoopbackFollowerPostgresFactory>(factory);

/// <summary>
/// Following a provider that serves plain files the way real providers do: a <c>white/</c> folder whose changes.csv is
/// unquoted and repeats the folder name in its paths, a <c>clear/</c> folder with only an index.txt, documents with
/// both hashes, one hash or none. Each bad document is refused with its reason while the others import.
/// </summary>
public abstract class ProviderFollowingTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    private const string Providers = "/api/v1/advisories/providers";

    [Fact]
    public async Task Every_good_document_imports_and_each_bad_one_is_refused_with_its_reason()
    {
        await using var provider = await StaticCsafProvider.StartAsync("white", "clear");
        var tag = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        string Id(string name) => $"SP-{tag}-{name}";
        provider.Publish("white/2024/both.json", provider.Document(Id("BOTH")));
        provider.Publish("white/2024/only-sha512.json", provider.Document(Id("SHA512")), sha256: false);
        provider.Publish("white/2024/no-hash.json", provider.Document(Id("NOHASH")), sha256: false, sha512: false);
        provider.Publish("white/2024/bad-hash.json", provider.Document(Id("BADHASH")));
        provider.Write("white/2024/bad-hash.json", provider.Document(Id("BADHASH"), version: "2", releaseDate: "2024-02-01T00:00:00.000Z"));
        provider.Publish("white/2024/unsigned.json", provider.Document(Id("UNSIGNED")), signed: false);
        provider.Publish("white/2024/stranger.json", provider.Document(Id("STRANGER")), signer: provider.Stranger);
        provider.Publish("white/2024/invalid.json", InvalidDocument(provider.Namespace, Id("INVALID")));
        provider.Publish("white/2024/elsewhere.json", provider.Document(Id("ELSEWHERE"), publisherNamespace: "https://other.example"));
        provider.WriteText("white/changes.csv", string.Concat(
            new[] { "both", "only-sha512", "no-hash", "bad-hash", "unsigned", "stranger", "invalid", "elsewhere", "missing" }
                .Select(name => $"white/2024/{name}.json,2024-01-10T10:00:00Z\n")));
        provider.Publish("clear/2024/only-sha256.json", provider.Document(Id("SHA256")), sha512: false);
        provider.WriteText("clear/index.txt", "2024/only-sha256.json\n");
        var analyst = await factory.CreateActorAsync(Roles.Analyst);

        var id = await FollowAsync(analyst.Client, provider.MetadataUrl.AbsoluteUri);
        var run = await RunAsync(analyst.Client, id);

        var entries = Entries(run);
        Assert.Equal(RunOutcomeText.Imported, entries[provider.Url("white/2024/both.json")].Outcome);
        Assert.Equal(RunOutcomeText.Imported, entries[provider.Url("white/2024/only-sha512.json")].Outcome);
        Assert.Equal(RunOutcomeText.Imported, entries[provider.Url("clear/2024/only-sha256.json")].Outcome);
        var noHash = entries[provider.Url("white/2024/no-hash.json")];
        Assert.Equal((RunOutcomeText.Imported, "published without .sha256 or .sha512; the OpenPGP signature was checked"), (noHash.Outcome, noHash.Reason));
        Assert.StartsWith("hash mismatch: the published .sha256 is ", Refusal(entries, provider.Url("white/2024/bad-hash.json")), StringComparison.Ordinal);
        Assert.Equal("no OpenPGP signature (.asc) is published", Refusal(entries, provider.Url("white/2024/unsigned.json")));
        Assert.Contains("not one of the provider's published keys", Refusal(entries, provider.Url("white/2024/stranger.json")), StringComparison.Ordinal);
        Assert.StartsWith("invalid CSAF: fails 6.1.7", Refusal(entries, provider.Url("white/2024/invalid.json")), StringComparison.Ordinal);
        Assert.Contains("publisher namespace https://other.example is not the provider's", Refusal(entries, provider.Url("white/2024/elsewhere.json")), StringComparison.Ordinal);
        Assert.Equal("the document cannot be fetched: the provider answered HTTP 404", Refusal(entries, provider.Url("white/2024/missing.json")));
        Assert.Equal((4, 0, 6, 0), Counts(run));

        var advisories = (await analyst.Client.GetNodeAsync("/api/v1/advisories")).AsArray().Where(a => a!["tracking_id"]!.GetValue<string>().Contains(tag, StringComparison.Ordinal)).ToList();
        Assert.Equal([Id("BOTH"), Id("NOHASH"), Id("SHA256"), Id("SHA512")], advisories.Select(a => a!["tracking_id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(advisories, a => Assert.Equal("CLEAR", a!["tlp"]!.GetValue<string>()));
        var both = advisories.Single(a => a!["tracking_id"]!.GetValue<string>() == Id("BOTH"))!;
        var bytes = await new HttpClient().GetByteArrayAsync(provider.Url("white/2024/both.json"));
        Assert.Equal(bytes, await analyst.Client.GetByteArrayAsync(both["document_url"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_second_run_imports_nothing_new_and_a_new_revision_is_kept_beside_the_old_one()
    {
        await using var provider = await StaticCsafProvider.StartAsync("white");
        var trackingId = "SP-REV-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        provider.Publish("white/2024/advisory.json", provider.Document(trackingId));
        provider.WriteText("white/index.txt", "2024/advisory.json\n");
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var id = await FollowAsync(analyst.Client, provider.MetadataUrl.AbsoluteUri);

        Assert.Equal((1, 0, 0, 0), Counts(await RunAsync(analyst.Client, id)));
        Assert.Equal((0, 1, 0, 0), Counts(await RunAsync(analyst.Client, id)));

        provider.Publish("white/2024/advisory.json", provider.Document(trackingId, version: "2", releaseDate: "2024-02-01T00:00:00.000Z"));
        var revised = await RunAsync(analyst.Client, id);
        Assert.Equal((1, 0, 0, 0), Counts(revised));
        Assert.Equal("revision", revised["entries"]![0]!["outcome"]!.GetValue<string>());
        var versions = (await analyst.Client.GetNodeAsync("/api/v1/advisories")).AsArray()
            .Where(a => a!["tracking_id"]!.GetValue<string>() == trackingId).Select(a => a!["version"]!.GetValue<string>()).Order();
        Assert.Equal(["1", "2"], versions);

        // The same version with other bytes is not a revision: CSAF asks for a new version for every change.
        var changed = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(provider.Document(trackingId, version: "2", releaseDate: "2024-02-01T00:00:00.000Z"))
            .Replace($"Advisory {trackingId}", "Quietly changed", StringComparison.Ordinal));
        provider.Publish("white/2024/advisory.json", changed);
        var quiet = await RunAsync(analyst.Client, id);
        Assert.Equal((0, 0, 1, 0), Counts(quiet));
        Assert.StartsWith("changed without a new version: advisory ", quiet["entries"]![0]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);

        var runs = (await analyst.Client.GetNodeAsync($"{Providers}/{id}/runs")).AsArray();
        Assert.Equal(4, runs.Count);
        Assert.Equal("requested", runs[0]!["run"]!["trigger"]!.GetValue<string>());
        var listed = (await analyst.Client.GetNodeAsync(Providers)).AsArray().Single(p => p!["id"]!.GetValue<long>() == id)!;
        Assert.Equal(runs[0]!["run"]!["id"]!.GetValue<long>(), listed["last_run"]!["id"]!.GetValue<long>());
        Assert.Equal("Static Provider PSIRT", listed["publisher"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_valid_document_nested_deeper_than_a_plain_reader_allows_is_imported()
    {
        await using var provider = await StaticCsafProvider.StartAsync("white");
        var trackingId = "SP-DEEP-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        provider.Publish("white/2024/deep.json", provider.DeepDocument(trackingId));
        provider.WriteText("white/index.txt", "2024/deep.json\n");
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var id = await FollowAsync(analyst.Client, provider.MetadataUrl.AbsoluteUri);

        var run = await RunAsync(analyst.Client, id);

        Assert.True(Counts(run) == (1, 0, 0, 0), run.ToJsonString());
    }

    [Fact]
    public async Task Following_is_idempotent_and_works_from_the_provider_s_base_URL()
    {
        await using var provider = await StaticCsafProvider.StartAsync("white");
        var analyst = await factory.CreateActorAsync(Roles.Analyst);

        var first = await analyst.Client.PostJsonAsync(Providers, new JsonObject { ["url"] = provider.Address.AbsoluteUri }.ToJsonString());
        var again = await analyst.Client.PostJsonAsync(Providers, new JsonObject { ["url"] = provider.MetadataUrl.AbsoluteUri }.ToJsonString());

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(provider.MetadataUrl.AbsoluteUri, (await first.JsonAsync())["url"]!.GetValue<string>());
        Assert.Equal((await first.JsonAsync())["id"]!.GetValue<long>(), (await again.JsonAsync())["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task The_aggregator_metadata_lists_a_provider_once_read_and_passes_the_official_schema()
    {
        await using var provider = await StaticCsafProvider.StartAsync("white");
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        await RunAsync(analyst.Client, await FollowAsync(analyst.Client, provider.MetadataUrl.AbsoluteUri));

        var aggregator = await factory.CreateClient().GetNodeAsync("/.well-known/csaf-aggregator/aggregator.json");

        Assert.Empty(AggregatorSchema.Problems(aggregator));
        Assert.Equal("lister", aggregator["aggregator"]!["category"]!.GetValue<string>());
        var entry = aggregator["csaf_providers"]!.AsArray().Single(p => p!["metadata"]!["url"]!.GetValue<string>() == provider.MetadataUrl.AbsoluteUri)!;
        Assert.Equal("Static Provider PSIRT", entry["metadata"]!["publisher"]!["name"]!.GetValue<string>());
        Assert.Equal("csaf_trusted_provider", entry["metadata"]!["role"]!.GetValue<string>());
        Assert.Equal("2024-03-01T10:00:00.000000Z", entry["metadata"]!["last_updated"]!.GetValue<string>());
        Assert.Null(entry["mirrors"]);
    }

    [Theory]
    [InlineData("""{"url":"file:///etc/passwd"}""", new[] { "/url" })]
    [InlineData("""{"url":"ftp://provider.example/provider-metadata.json"}""", new[] { "/url" })]
    [InlineData("""{}""", new[] { "/url" })]
    [InlineData("""{"url":42,"interval":"PT1H"}""", new[] { "/url", "/interval" })]
    public async Task Bad_input_is_a_problem_naming_each_field(string body, string[] pointers)
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);

        var response = await analyst.Client.PostJsonAsync(Providers, body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(pointers, await response.ProblemPointersAsync());
    }

    [Fact]
    public async Task A_URL_without_a_provider_is_refused_and_only_staff_may_follow()
    {
        await using var provider = await StaticCsafProvider.StartAsync("white");
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var admin = await factory.CreateActorAsync(Roles.Admin);

        var missing = await analyst.Client.PostJsonAsync(Providers, new JsonObject { ["url"] = provider.Url("nothing-here.json") }.ToJsonString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        Assert.Equal("No CSAF provider found there", (await missing.JsonAsync())["title"]!.GetValue<string>());

        var body = new JsonObject { ["url"] = provider.MetadataUrl.AbsoluteUri }.ToJsonString();
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.Client.PostJsonAsync(Providers, body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.Client.GetAsync(Providers)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync(Providers)).StatusCode);
        Assert.True((await admin.Client.PostJsonAsync(Providers, body)).IsSuccessStatusCode);
    }

    private static byte[] InvalidDocument(string publisherNamespace, string trackingId)
    {
        var document = JsonNode.Parse(File.ReadAllText(RepositoryPaths.File("tests", "Vigil.Csaf.Tests", "Broken", "6.1.7.json")))!;
        document["document"]!["publisher"]!["namespace"] = publisherNamespace;
        document["document"]!["tracking"]!["id"] = trackingId;
        return Encoding.UTF8.GetBytes(document.ToJsonString());
    }

    public static async Task<long> FollowAsync(HttpClient client, string url)
    {
        var response = await client.PostJsonAsync(Providers, new JsonObject { ["url"] = url }.ToJsonString());
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync())["id"]!.GetValue<long>();
    }

    public static async Task<JsonNode> RunAsync(HttpClient client, long id)
    {
        var response = await client.PostJsonAsync($"{Providers}/{id}/runs", "{}");
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    public static (int Imported, int Unchanged, int Refused, int Skipped) Counts(JsonNode run) =>
        (run["run"]!["imported"]!.GetValue<int>(), run["run"]!["unchanged"]!.GetValue<int>(), run["run"]!["refused"]!.GetValue<int>(), run["run"]!["skipped"]!.GetValue<int>());

    public static Dictionary<string, (string Outcome, string? Reason)> Entries(JsonNode run) =>
        run["entries"]!.AsArray().ToDictionary(e => e!["url"]!.GetValue<string>(), e => (e!["outcome"]!.GetValue<string>(), e["reason"]?.GetValue<string>()));

    private static string Refusal(Dictionary<string, (string Outcome, string? Reason)> entries, string url)
    {
        Assert.True(entries.TryGetValue(url, out var entry), $"no outcome for {url}");
        Assert.Equal(RunOutcomeText.Refused, entry.Outcome);
        return entry.Reason!;
    }
}

public static class RunOutcomeText
{
    public const string Imported = "imported";
    public const string Refused = "refused";
}
