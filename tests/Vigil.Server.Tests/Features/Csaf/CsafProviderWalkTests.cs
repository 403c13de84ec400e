using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Org.BouncyCastle.Bcpg.OpenPgp;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Notes;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Csaf;

public sealed class CsafProviderWalkOnSqliteTests(VigilFactory factory) : CsafProviderWalkTests<VigilFactory>(factory);

public sealed class CsafProviderWalkOnPostgresTests(PostgresVigilFactory factory) : CsafProviderWalkTests<PostgresVigilFactory>(factory);

/// <summary>
/// A CSAF client's walk, anonymous as the public is: security.txt to provider-metadata.json, the public key, the
/// TLP:WHITE ROLIE feed and changes.csv, every document with both hashes and the OpenPGP signature checked.
/// </summary>
public abstract class CsafProviderWalkTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    [Fact]
    public async Task A_client_finds_every_published_note_with_valid_hashes_and_signatures()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var published = new List<string>();
        for (var n = 0; n < 4; n++)
        {
            var id = await analyst.Client.CreateNoteAsync(NoteSamples.Minimal($"Walked note {n}"));
            await analyst.Client.PublishNoteAsync(id);
            published.Add(id);
        }
        await analyst.Client.ReviseNoteAsync(published[1], NoteSamples.Minimal("Walked note 1, revised"), "Reworded the title.");
        await analyst.Client.WithdrawNoteAsync(published[2], "Duplicate of another note.");
        var draft = await analyst.Client.CreateNoteAsync(NoteSamples.Minimal("Still a draft"));
        var amber = await analyst.Client.CreateNoteAsync(NoteSamples.Minimal("Amber note", tlp: "AMBER"));
        await analyst.Client.PublishNoteAsync(amber);

        var client = factory.CreateClient();
        var securityTxt = await client.GetStringAsync("/.well-known/security.txt");
        var metadataUrl = securityTxt.Split('\n').Single(l => l.StartsWith("CSAF: ", StringComparison.Ordinal))["CSAF: ".Length..];
        var metadata = await client.GetNodeAsync(PathOf(metadataUrl));
        Assert.Equal("csaf_trusted_provider", metadata["role"]!.GetValue<string>());
        Assert.Equal(metadataUrl, metadata["canonical_url"]!.GetValue<string>());

        var keyEntry = metadata["public_openpgp_keys"]![0]!;
        var key = new PgpPublicKeyRing(PgpUtilities.GetDecoderStream(new MemoryStream(await client.GetByteArrayAsync(PathOf(keyEntry["url"]!.GetValue<string>()))))).GetPublicKey();
        Assert.Equal(keyEntry["fingerprint"]!.GetValue<string>(), Convert.ToHexString(key.GetFingerprint()));

        var white = metadata["distributions"]!.AsArray().Single(d => d!["rolie"]!["feeds"]![0]!["tlp_label"]!.GetValue<string>() == "WHITE")!;
        var feed = await client.GetNodeAsync(PathOf(white["rolie"]!["feeds"]![0]!["url"]!.GetValue<string>()));
        var found = new List<string>();
        foreach (var entry in feed["feed"]!["entry"]!.AsArray())
        {
            var links = entry!["link"]!.AsArray();
            var document = await client.GetByteArrayAsync(PathOf(Link(links, "self")));
            var hashes = links.Where(l => l!["rel"]!.GetValue<string>() == "hash").Select(l => l!["href"]!.GetValue<string>()).ToList();
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(document)), await FirstWordAsync(client, hashes.Single(h => h.EndsWith(".sha256", StringComparison.Ordinal))));
            Assert.Equal(Convert.ToHexStringLower(SHA512.HashData(document)), await FirstWordAsync(client, hashes.Single(h => h.EndsWith(".sha512", StringComparison.Ordinal))));
            var signatures = (PgpSignatureList)new PgpObjectFactory(PgpUtilities.GetDecoderStream(new MemoryStream(await client.GetByteArrayAsync(PathOf(Link(links, "signature")))))).NextPgpObject();
            signatures[0].InitVerify(key);
            signatures[0].Update(document);
            Assert.True(signatures[0].Verify(), $"the signature of {entry["id"]} does not verify");
            found.Add(JsonNode.Parse(document)!["document"]!["tracking"]!["id"]!.GetValue<string>());
        }
        // Other tests in the class may have published more; every note published here must be found.
        Assert.Subset(found.ToHashSet(), published.ToHashSet());
        Assert.Equal(found.Count, found.Distinct().Count());

        var directory = PathOf(white["directory_url"]!.GetValue<string>());
        var changes = (await client.GetStringAsync(directory + "changes.csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var index = (await client.GetStringAsync(directory + "index.txt")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(found.Count, changes.Length);
        Assert.Equal(changes.Select(c => c.Split(',')[0].Trim('"')).Order(), index.Order());
        Assert.StartsWith($"\"2026/{published[2].ToLowerInvariant()}.json\"", changes[0], StringComparison.Ordinal);
        foreach (var path in index)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(directory + path)).StatusCode);
        }
        Assert.DoesNotContain(index, p => p.Contains(draft.ToLowerInvariant(), StringComparison.Ordinal) || p.Contains(amber.ToLowerInvariant(), StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/.well-known/csaf/amber/csaf-feed-tlp-amber.json")).StatusCode);
        var amberFeed = await analyst.Client.GetNodeAsync("/.well-known/csaf/amber/csaf-feed-tlp-amber.json");
        Assert.Equal(amber, Assert.Single(amberFeed["feed"]!["entry"]!.AsArray())!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_withdrawn_note_stays_at_its_URL_and_in_the_directory_with_the_withdrawal_in_its_history_and_the_log()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var id = await analyst.Client.CreateNoteAsync(NoteSamples.Minimal("To be withdrawn"));
        var url = PathOf((await analyst.Client.PublishNoteAsync(id))["note"]!["links"]!["csaf"]!.GetValue<string>());
        var client = factory.CreateClient();
        var before = await client.GetNodeAsync(url);

        var withdrawal = await analyst.Client.WithdrawNoteAsync(id, "Published in error.");
        Assert.Equal(url, PathOf(withdrawal["note"]!["links"]!["csaf"]!.GetValue<string>()));
        var after = await client.GetNodeAsync(url);
        Assert.Equal(before["vulnerabilities"]!.ToJsonString(), after["vulnerabilities"]!.ToJsonString());
        var tracking = after["document"]!["tracking"]!;
        Assert.Equal("2.0.0", tracking["version"]!.GetValue<string>());
        Assert.Equal("Withdrawn: Published in error.", tracking["revision_history"]![1]!["summary"]!.GetValue<string>());
        Assert.Equal("Published in error.", after["document"]!["notes"]![0]!["text"]!.GetValue<string>().Replace("Withdrawn: ", "", StringComparison.Ordinal));

        var index = await client.GetStringAsync("/.well-known/csaf/white/index.txt");
        Assert.Contains(url.Replace("/.well-known/csaf/white/", "", StringComparison.Ordinal), index, StringComparison.Ordinal);
        var html = await client.GetStringAsync($"/notes/{id}");
        Assert.Contains("Withdrawn", html, StringComparison.Ordinal);
        var leaf = withdrawal["receipt"]!["leaf_index"]!.GetValue<long>();
        Assert.Equal("note-withdrawal", (await client.GetNodeAsync($"/ledger/entries/{leaf}"))["kind"]!.GetValue<string>());
    }

    private static string PathOf(string url) => new Uri(url).AbsolutePath;

    private static string Link(JsonArray links, string rel) => links.Single(l => l!["rel"]!.GetValue<string>() == rel)!["href"]!.GetValue<string>();

    private static async Task<string> FirstWordAsync(HttpClient client, string url) => (await client.GetStringAsync(PathOf(url))).Split(' ')[0];
}
