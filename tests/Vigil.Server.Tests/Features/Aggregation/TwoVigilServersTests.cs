using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Vigil.Cli;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Cli;
using Vigil.Server.Tests.Features.Notes;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Aggregation;

/// <summary>
/// Two Vigil servers on loopback, each with its own data directory and database: A publishes notes as CSAF, B follows A
/// with `vigil advisory follow`. A serves its documents from its database, writing hashes and signatures over what it
/// serves, so altering A's stored note would give a consistent, validly signed document. What a follower must catch is
/// a document altered between the provider and itself: A sits behind a reverse proxy (as Vigil does in production), and
/// the proxy alters one document's bytes (its hashes and signature untouched), and another document with its hashes
/// recomputed (as someone without the signing key would). B refuses exactly those two, naming why, and imports the rest.
/// </summary>
public sealed class TwoVigilServersTests : IAsyncLifetime
{
    private TamperingProxy _proxy = null!;
    private RunningServer _a = null!;
    private readonly RunningServer _b = new() { ExtraArguments = [LoopbackFollowerFactory.AllowPrivateNetworksArgument] };

    public async Task InitializeAsync()
    {
        _proxy = await TamperingProxy.StartAsync();
        _a = new RunningServer { ExtraArguments = [$"--Csaf:BaseUrl={_proxy.Address.AbsoluteUri.TrimEnd('/')}"] };
        await _a.InitializeAsync();
        _proxy.Upstream = _a.Address;
        await _b.InitializeAsync();
    }

    [Fact]
    public async Task B_imports_A_s_notes_checked_picks_up_a_revision_and_refuses_exactly_the_tampered_documents()
    {
        using var author = Client(_a, (await Seed.UserAsync(_a.Services, Roles.Analyst)).Token);
        var reader = await Seed.UserAsync(_b.Services, Roles.Analyst);
        using var analyst = Client(_b, reader.Token);
        var notes = new List<(string Id, JsonObject Body)>();
        for (var n = 0; n < 3; n++)
        {
            var body = NoteSamples.Minimal($"Published on A, note {n}");
            var id = await author.CreateNoteAsync(body);
            await author.PublishNoteAsync(id);
            notes.Add((id, body));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync("/.well-known/csaf-aggregator/aggregator.json")).StatusCode);

        var first = await FollowAsync(reader.Token);

        Assert.True(first.ExitCode == ExitCodes.Ok, first.ToString());
        Assert.Contains("3 imported, 0 unchanged, 0 refused, 3 skipped", first.Out, StringComparison.Ordinal);
        Assert.Contains("a TLP:GREEN feed: only public feeds", first.Out, StringComparison.Ordinal);
        var held = await HeldAsync(analyst);
        Assert.Equal(notes.Select(n => n.Id).Order(), held.Keys.Select(k => k.Id).Order());
        foreach (var (id, _) in notes)
        {
            var path = await CsafPathAsync(author, id);
            var served = await author.GetByteArrayAsync(path);
            var sha256 = (await author.GetStringAsync(path + ".sha256")).Split(' ')[0];
            var advisory = held[(id, "1.0.0")];
            Assert.Equal(sha256, advisory["sha256"]!.GetValue<string>());
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(served)), sha256);
            Assert.Equal(served, await analyst.GetByteArrayAsync(advisory["document_url"]!.GetValue<string>()));
        }

        await author.ReviseNoteAsync(notes[0].Id, NoteSamples.Minimal("Published on A, note 0, revised"), "Reworded the title.");
        var second = await FollowAsync(reader.Token);

        Assert.True(second.ExitCode == ExitCodes.Ok, second.ToString());
        Assert.Contains("1 imported, 2 unchanged, 0 refused", second.Out, StringComparison.Ordinal);
        Assert.Contains("  revision " + _proxy.Address.AbsoluteUri.TrimEnd('/') + await CsafPathAsync(author, notes[0].Id), second.Out, StringComparison.Ordinal);
        held = await HeldAsync(analyst);
        Assert.Equal("Published on A, note 0", held[(notes[0].Id, "1.0.0")]["title"]!.GetValue<string>());
        Assert.Equal("Published on A, note 0, revised", held[(notes[0].Id, "1.1.0")]["title"]!.GetValue<string>());

        var altered = await author.CreateNoteAsync(NoteSamples.Minimal("Altered on its way"));
        await author.PublishNoteAsync(altered);
        var rehashed = await author.CreateNoteAsync(NoteSamples.Minimal("Altered with its hashes"));
        await author.PublishNoteAsync(rehashed);
        await author.ReviseNoteAsync(notes[1].Id, NoteSamples.Minimal("Published on A, note 1, revised"), "Reworded the title.");
        var alteredPath = await CsafPathAsync(author, altered);
        var rehashedPath = await CsafPathAsync(author, rehashed);
        _proxy.Tamper(alteredPath, rehash: false);
        _proxy.Tamper(rehashedPath, rehash: true);
        var third = await FollowAsync(reader.Token);

        Assert.True(third.ExitCode == ExitCodes.Rejected, third.ToString());
        Assert.Contains("1 imported, 2 unchanged, 2 refused", third.Out, StringComparison.Ordinal);
        var refusals = third.Out.Split('\n').Where(l => l.StartsWith("  refused", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, refusals.Count);
        Assert.Contains(refusals, l => l.Contains(alteredPath + ": hash mismatch: the published .sha256 is ", StringComparison.Ordinal));
        Assert.Contains(refusals, l => l.Contains(rehashedPath + ": bad signature: the OpenPGP signature by key ", StringComparison.Ordinal));
        held = await HeldAsync(analyst);
        Assert.True(held.ContainsKey((notes[1].Id, "1.1.0")));
        Assert.DoesNotContain(held.Keys, k => k.Id == altered || k.Id == rehashed);

        // The run is on record for analysts, with each refusal and its reason.
        var provider = (await analyst.GetNodeAsync("/api/v1/advisories/providers")).AsArray().Single()!;
        Assert.Equal(2, provider["last_run"]!["refused"]!.GetValue<int>());
        var runs = (await analyst.GetNodeAsync($"/api/v1/advisories/providers/{provider["id"]}/runs")).AsArray();
        Assert.Equal(3, runs.Count);
        Assert.Equal(2, runs[0]!["entries"]!.AsArray().Count(e => e!["outcome"]!.GetValue<string>() == "refused"));

        var aggregator = await new HttpClient { BaseAddress = _b.Address }.GetNodeAsync("/.well-known/csaf-aggregator/aggregator.json");
        Assert.Empty(AggregatorSchema.Problems(aggregator));
        Assert.Equal(_proxy.Address.AbsoluteUri + ".well-known/csaf/provider-metadata.json",
            aggregator["csaf_providers"]![0]!["metadata"]!["url"]!.GetValue<string>());
    }

    private Task<CliRun> FollowAsync(string token) =>
        CliRun.InProcessAsync("advisory", "follow", _proxy.Address.AbsoluteUri, "--server", _b.Address.AbsoluteUri, "--token", token);

    private static async Task<string> CsafPathAsync(HttpClient author, string id) =>
        new Uri((await author.GetNodeAsync($"/api/v1/notes/{id}"))["links"]!["csaf"]!.GetValue<string>()).AbsolutePath;

    private static async Task<Dictionary<(string Id, string Version), JsonNode>> HeldAsync(HttpClient analyst) =>
        (await analyst.GetNodeAsync("/api/v1/advisories")).AsArray()
            .ToDictionary(a => (a!["tracking_id"]!.GetValue<string>(), a["version"]!.GetValue<string>()), a => a!);

    private static HttpClient Client(RunningServer server, string token)
    {
        var client = new HttpClient { BaseAddress = server.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
        await _proxy.DisposeAsync();
    }
}
