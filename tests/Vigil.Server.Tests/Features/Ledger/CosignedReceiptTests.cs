using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Notes;
using Vigil.Ledger.Receipts;
using Vigil.Server.Features.Ledger;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Infrastructure.Storage;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Ledger;

public sealed class CosignedReceiptOnSqliteTests : CosignedReceiptTests<VigilFactory>;

public sealed class CosignedReceiptOnPostgresTests : CosignedReceiptTests<PostgresVigilFactory>;

/// <summary>
/// Issue 14, transparency log, first point: receipts never carried witness cosignatures. With a real
/// `vigil witness serve` cosigning the log, GET /api/v1/receipts/{i} proves the leaf in the latest cosigned checkpoint
/// and carries the cosignature lines (C2SP tlog-proof: the checkpoint "including witness signatures"), and the
/// answer to a submission says when that receipt is expected.
/// </summary>
public abstract class CosignedReceiptTests<TFactory> where TFactory : VigilFactory, new()
{
    private const string WitnessName = "witness.ministry.test/receipts";

    [Fact]
    public async Task Once_a_witness_cosigned_the_receipt_is_proved_in_the_cosigned_checkpoint_with_its_cosignature()
    {
        using var logKey = Ed25519NoteSigner.Generate("vigil.local/ledger");
        await using var witness = await WitnessProcess.StartAsync(WitnessName, logKey.VerifierKey);
        using var factory = new TFactory();
        // Where the server looks for the log's key (beside the data directory, not in it), so no warning is logged.
        OwnerOnlyFile.CreateText(Path.Combine(factory.DataDirectory + "-keys", "ledger-signer.key"), logKey.SignerKey);
        var logged = RunLog.Length;
        using var witnessed = factory.WithWebHostBuilder(b => b
            .UseSetting("Ledger:Witnesses:0:Name", WitnessName)
            .UseSetting("Ledger:Witnesses:0:Url", witness.Address.ToString())
            .UseSetting("Ledger:Witnesses:0:VerifierKey", witness.VerifierKey));
        var reporter = await Seed.UserAsync(witnessed.Services, Roles.Reporter);
        Assert.DoesNotContain("still in the data directory", RunLog.Text(logged), StringComparison.Ordinal);
        var client = witnessed.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", reporter.Token);

        var filed = await (await client.PostJsonAsync("/api/v1/incidents", Api.Report("to be witnessed"))).JsonAsync();
        var leaf = filed["receipt"]!["leaf_index"]!.GetValue<long>();
        var expected = filed["cosigned_receipt"]!;
        Assert.Equal($"/api/v1/receipts/{leaf}", expected["url"]!.GetValue<string>());
        Assert.Equal([WitnessName], expected["witnesses"]!.AsArray().Select(w => w!.GetValue<string>()));
        Assert.True(expected["expected_by"]!.GetValue<DateTimeOffset>() > filed["submission"]!["received_at"]!.GetValue<DateTimeOffset>());
        Assert.Equal(witness.VerifierKey + "\n", await witnessed.CreateClient().GetStringAsync("/ledger/witnesses"));

        var again = await CosignedReceiptAsync(factory, client, leaf);
        // A later submission, not cosigned yet, leaves the first receipt proved in the checkpoint the witness cosigned.
        await client.FileAsync(Api.Report("after the cosignature"));
        again = await client.GetNodeAsync($"/api/v1/receipts/{leaf}");
        var receipt = again["receipt"]!.ToJsonString();

        var verified = ReceiptVerifier.Verify(receipt, [logKey.VerifierKey], Api.Report("to be witnessed"));
        Assert.True(verified.TreeSize > leaf);
        var note = SignedNote.Parse(TlogProof.Parse(again["receipt"]!["proof"]!.GetValue<string>()).SignedCheckpoint);
        var cosigned = Assert.Single(CheckpointCosignatures.Check(note, [witness.VerifierKey]).Cosigned);
        Assert.Equal(WitnessName, cosigned.Witness);
        Assert.Equal(cosigned.At, Assert.Single(again["cosignatures"]!.AsArray())!["cosigned_at"]!.GetValue<DateTimeOffset>());
        Assert.Null(again["cosigned_receipt"]);
        // Both the log's signature and the witness's verify over the same checkpoint text.
        Assert.Equal(2, note.Verify(NoteVerifierSet.Parse(logKey.VerifierKey, witness.VerifierKey)).Verified.Count);
        var original = Checkpoint.Open(again["original_checkpoint"]!.GetValue<string>(), NoteVerifierSet.Parse(logKey.VerifierKey)).Checkpoint;
        if (original.Size < verified.TreeSize)
        {
            var hashes = again["consistency"]!["hashes"]!.AsArray().Select(h => Convert.FromBase64String(h!.GetValue<string>())).ToList();
            new Vigil.Ledger.ConsistencyProof(original.Size, verified.TreeSize, hashes)
                .Verify(original.RootHash, Checkpoint.Parse(note.Text).RootHash);
        }
    }

    [Fact]
    public async Task Without_witnesses_the_answer_says_no_cosigned_receipt_will_come()
    {
        using var factory = new TFactory();
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var filed = await (await reporter.Client.PostJsonAsync("/api/v1/incidents", Api.Report("unwitnessed"))).JsonAsync();
        var expected = filed["cosigned_receipt"]!;
        Assert.Empty(expected["witnesses"]!.AsArray());
        Assert.Null(expected["expected_by"]);
        Assert.StartsWith("No witnesses are configured", expected["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("", await factory.CreateClient().GetStringAsync("/ledger/witnesses"));

        var again = await reporter.Client.GetNodeAsync($"/api/v1/receipts/{filed["receipt"]!["leaf_index"]}");
        Assert.Empty(again["cosignatures"]!.AsArray());
        Assert.Null(again["cosigned_receipt"]!["expected_by"]);
    }

    /// <summary>Moves the server's clock on (its cosigner asks the witness once per checkpoint interval) until the receipt carries a cosignature.</summary>
    private static async Task<JsonNode> CosignedReceiptAsync(TFactory factory, HttpClient client, long leaf)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            var again = await client.GetNodeAsync($"/api/v1/receipts/{leaf}");
            if (again["cosignatures"]!.AsArray().Count > 0)
            {
                return again;
            }
            Assert.Equal([WitnessName], again["cosigned_receipt"]!["witnesses"]!.AsArray().Select(w => w!.GetValue<string>()));
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(200, timeout.Token);
        }
    }
}
