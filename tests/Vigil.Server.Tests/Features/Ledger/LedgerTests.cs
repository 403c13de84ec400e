using System.Net;
using System.Text.Json.Nodes;
using Vigil.Ledger.Receipts;
using Vigil.Ledger;
using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Notes;
using Vigil.Ledger.Tiles;
using Vigil.Server.Features.Ledger;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Ledger;

public sealed class LedgerOnSqliteTests(VigilFactory factory) : LedgerTests<VigilFactory>(factory);

public sealed class LedgerOnPostgresTests(PostgresVigilFactory factory) : LedgerTests<PostgresVigilFactory>(factory);

public abstract class LedgerTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    private async Task<string[]> VerifierKeysAsync() =>
        (await factory.CreateClient().GetStringAsync("/ledger/key")).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task Every_submission_comes_back_with_a_receipt_that_verifies_with_only_the_public_key()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var body = Api.Report("receipted report");
        var response = await reporter.Client.PostJsonAsync("/api/v1/incidents", body);
        var answer = await response.JsonAsync();
        var receipt = answer["receipt"]!.ToJsonString();

        var keys = await VerifierKeysAsync();
        var verified = ReceiptVerifier.Verify(receipt, keys, body);
        Assert.True(verified.ContentChecked);
        Assert.Equal(answer["incident"]!["id"]!.GetValue<string>(), verified.IncidentId);
        Assert.Equal("report", verified.Kind);

        var altered = body.Replace("receipted report", "receipted reporT", StringComparison.Ordinal);
        var error = Assert.Throws<LedgerVerificationException>(() => ReceiptVerifier.Verify(receipt, keys, altered));
        Assert.Contains("not what was committed", error.Message, StringComparison.Ordinal);
        using var otherKey = Ed25519NoteSigner.Generate("vigil.local/ledger");
        Assert.ThrowsAny<Exception>(() => ReceiptVerifier.Verify(receipt, [otherKey.VerifierKey], null));
    }

    [Fact]
    public async Task The_public_log_shows_hashes_and_kinds_only_and_its_proofs_check_against_the_checkpoint()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var id = await reporter.Client.FileAsync(Api.Report("secret title 7f3a"));
        var update = await reporter.Client.PostJsonAsync($"/api/v1/incidents/{id}/updates", """{"narrative": "secret narrative 9c1d"}""");
        var leaf = (await update.JsonAsync())["receipt"]!["leaf_index"]!.GetValue<long>();
        var anonymous = factory.CreateClient();

        var note = await anonymous.GetStringAsync("/ledger/checkpoint");
        var checkpoint = Checkpoint.Open(note, NoteVerifierSet.Parse(await VerifierKeysAsync())).Checkpoint;
        Assert.True(checkpoint.Size > leaf);

        var entry = await anonymous.GetStringAsync($"/ledger/entries/{leaf}");
        Assert.Equal(["index", "leaf_hash", "kind", "appended_at"], JsonNode.Parse(entry)!.AsObject().Select(p => p.Key));
        Assert.Contains("\"kind\":\"update\"", entry, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", entry, StringComparison.Ordinal);

        var proof = await anonymous.GetNodeAsync($"/ledger/proof/inclusion?index={leaf}&size={checkpoint.Size}");
        var inclusion = new InclusionProof(leaf, checkpoint.Size, [.. proof["hashes"]!.AsArray().Select(h => Convert.FromBase64String(h!.GetValue<string>()))]);
        inclusion.Verify(Convert.FromBase64String(JsonNode.Parse(entry)!["leaf_hash"]!.GetValue<string>()), checkpoint.RootHash);

        var consistency = await anonymous.GetNodeAsync($"/ledger/proof/consistency?from=1&to={checkpoint.Size}");
        Assert.Equal(checkpoint.Size, consistency["to"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync($"/ledger/proof/inclusion?index={checkpoint.Size + 5}&size=1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/ledger/entries/999999")).StatusCode);
    }

    [Fact]
    public async Task Tiles_give_the_same_root_as_the_checkpoint_and_entry_bundles_hold_the_commitments()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        for (var i = 0; i < 3; i++)
        {
            await reporter.Client.FileAsync(Api.Report($"tiled {i}"));
        }
        var client = factory.CreateClient();
        var checkpoint = Checkpoint.Open(await client.GetStringAsync("/ledger/checkpoint"), NoteVerifierSet.Parse(await VerifierKeysAsync())).Checkpoint;
        var tiles = new HttpTiles(client);
        var root = await MerkleTree.ComputeRootAsync(new TileHashReader(tiles, checkpoint.Size), checkpoint.Size);
        Assert.Equal(checkpoint.RootHash, root);

        var bundle = EntryBundle.Decode(await client.GetByteArrayAsync("/ledger/" + TileId.ForTreeSize(TileId.EntriesLevel, checkpoint.Size).First().Path));
        var entry = JsonNode.Parse(await client.GetStringAsync("/ledger/entries/0"))!;
        Assert.Equal(Convert.FromBase64String(entry["leaf_hash"]!.GetValue<string>()), MerkleHash.HashLeaf(bundle[0]));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/ledger/tile/0/999")).StatusCode);
    }

    [Fact]
    public async Task A_receipt_fetched_later_is_proved_against_the_latest_checkpoint_and_consistent_with_the_first()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var first = await reporter.Client.PostJsonAsync("/api/v1/incidents", Api.Report("early"));
        var leaf = (await first.JsonAsync())["receipt"]!["leaf_index"]!.GetValue<long>();
        for (var i = 0; i < 3; i++)
        {
            await reporter.Client.FileAsync(Api.Report($"later {i}"));
        }

        var again = await reporter.Client.GetNodeAsync($"/api/v1/receipts/{leaf}");
        var keys = NoteVerifierSet.Parse(await VerifierKeysAsync());
        ReceiptVerifier.Verify(again["receipt"]!.ToJsonString(), await VerifierKeysAsync(), Api.Report("early"));
        var original = Checkpoint.Open(again["original_checkpoint"]!.GetValue<string>(), keys).Checkpoint;
        var latest = Checkpoint.Open(TlogProof.Parse(again["receipt"]!["proof"]!.GetValue<string>()).SignedCheckpoint, keys).Checkpoint;
        Assert.True(latest.Size >= original.Size + 3);
        var consistency = again["consistency"]!;
        new ConsistencyProof(original.Size, latest.Size, [.. consistency["hashes"]!.AsArray().Select(h => Convert.FromBase64String(h!.GetValue<string>()))])
            .Verify(original.RootHash, latest.RootHash);

        var stranger = await factory.CreateActorAsync(Roles.Reporter);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/api/v1/receipts/{leaf}")).StatusCode);
    }

    private sealed class HttpTiles(HttpClient client) : ITileReader
    {
        public async ValueTask<byte[]> ReadTileAsync(TileId tile, CancellationToken cancellationToken = default) =>
            await client.GetByteArrayAsync("/ledger/" + tile.Path, cancellationToken);
    }
}
