using System.Net;
using System.Text;
using Vigil.Ledger;
using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Notes;
using Vigil.Ledger.Witnessing;
using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Server.Features.Ledger.Witnesses;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Cli;

/// <summary>`vigil witness serve` in its own process, driven over HTTP exactly as C2SP tlog-witness says a log talks to it.</summary>
public sealed class WitnessServeTests
{
    private const string Origin = "cert.test/vigil";

    /// <summary>A log held in memory: its leaves, signed checkpoints and consistency proofs.</summary>
    private sealed class TestLog(Ed25519NoteSigner key, string prefix)
    {
        private readonly InMemoryHashStore _tree = new();

        public SignedNote GrowTo(long size)
        {
            while (_tree.Size < size)
            {
                _tree.AppendLeaf(Encoding.UTF8.GetBytes($"{prefix} leaf {_tree.Size}"));
            }
            return new Checkpoint(key.Name, size, _tree.Root()).Sign(key);
        }

        public async Task<IReadOnlyList<byte[]>> ProofAsync(long oldSize) =>
            oldSize == 0 ? [] : (await ConsistencyProof.CreateAsync(_tree, oldSize, _tree.Size)).Hashes;
    }

    private static async Task<(HttpStatusCode Status, string Body, string? MediaType)> AddAsync(HttpClient client, long oldSize, IReadOnlyList<byte[]> proof, SignedNote checkpoint)
    {
        using var content = new StringContent(new AddCheckpointRequest(oldSize, proof, checkpoint).ToString(), Encoding.UTF8, "text/plain");
        using var response = await client.PostAsync("add-checkpoint", content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_witness_cosigns_consistent_growth_and_refuses_rollbacks_and_forks()
    {
        using var logKey = Ed25519NoteSigner.Generate(Origin);
        await using var witness = await WitnessProcess.StartAsync("witness.test/w1", logKey.VerifierKey);
        using var client = new HttpClient { BaseAddress = witness.Address };
        var witnessKey = NoteVerifierSet.Parse(witness.VerifierKey);
        var log = new TestLog(logKey, "honest");
        var fork = new TestLog(logKey, "forked");

        var three = log.GrowTo(3);
        var first = await AddAsync(client, 0, [], three);
        Assert.Equal(HttpStatusCode.OK, first.Status);
        three.WithSignatures([NoteSignature.ParseLine(first.Body)]).Verify(witnessKey);

        var five = log.GrowTo(5);
        var stale = await AddAsync(client, 0, [], five);
        Assert.Equal((HttpStatusCode.Conflict, "3\n", WitnessProtocol.SizeContentType), stale);
        var grown = await AddAsync(client, 3, await log.ProofAsync(3), five);
        Assert.Equal(HttpStatusCode.OK, grown.Status);
        five.WithSignatures([NoteSignature.ParseLine(grown.Body)]).Verify(witnessKey);

        // Rolled back: an older checkpoint, offered as if it were new, or from a size the witness has moved past.
        Assert.Equal(HttpStatusCode.BadRequest, (await AddAsync(client, 5, [], three)).Status);
        Assert.Equal((HttpStatusCode.Conflict, "5\n", WitnessProtocol.SizeContentType), await AddAsync(client, 3, [], three));

        // Forked: the same size with another root, or a larger tree that does not extend the cosigned one.
        Assert.Equal(HttpStatusCode.Conflict, (await AddAsync(client, 5, [], fork.GrowTo(5))).Status);
        var forkedSeven = fork.GrowTo(7);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await AddAsync(client, 5, await fork.ProofAsync(5), forkedSeven)).Status);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(witness.StateDirectory, "evidence")).Length);

        // None of that moved the witness: the honest log still extends from 5.
        var seven = log.GrowTo(7);
        Assert.Equal(HttpStatusCode.OK, (await AddAsync(client, 5, await log.ProofAsync(5), seven)).Status);
    }

    [Fact]
    public async Task The_witness_answers_unknown_logs_untrusted_signatures_and_malformed_requests_with_the_spec_codes()
    {
        using var logKey = Ed25519NoteSigner.Generate(Origin);
        using var impostor = Ed25519NoteSigner.Generate(Origin);
        using var otherLog = Ed25519NoteSigner.Generate("other.test/log");
        await using var witness = await WitnessProcess.StartAsync("witness.test/w2", logKey.VerifierKey);
        using var client = new HttpClient { BaseAddress = witness.Address };

        Assert.Equal(HttpStatusCode.NotFound, (await AddAsync(client, 0, [], new TestLog(otherLog, "x").GrowTo(1))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await AddAsync(client, 0, [], new TestLog(impostor, "x").GrowTo(1))).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await AddAsync(client, 0, [new byte[32]], new TestLog(logKey, "x").GrowTo(1))).Status);
        using var garbage = new StringContent("old 01\n\nnot a checkpoint\n", Encoding.UTF8, "text/plain");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("add-checkpoint", garbage)).StatusCode);
        Assert.Empty(Directory.GetFiles(witness.StateDirectory, "*.checkpoint"));
    }

    // Issue 14, transparency log: a log asking again for the size the witness already holds must send an empty proof
    // (RFC 9162 2.1.4.2 fails any other between equal sizes; tlog-witness answers 422). Posted the way the server's
    // cosigner posts, through its WitnessClient: the padded request gets no cosignature, the proper one does.
    [Fact]
    public async Task The_witness_refuses_a_non_empty_proof_between_equal_sizes()
    {
        using var logKey = Ed25519NoteSigner.Generate(Origin);
        await using var witness = await WitnessProcess.StartAsync("witness.test/w3", logKey.VerifierKey);
        using var http = new HttpClient();
        var cosigner = new WitnessClient(http, NullLogger<WitnessClient>.Instance);
        var options = new WitnessOptions { Name = "witness.test/w3", Url = witness.Address.ToString(), VerifierKey = witness.VerifierKey };
        var log = new TestLog(logKey, "honest");
        var three = log.GrowTo(3);
        Assert.NotNull((await cosigner.RequestAsync(options, three, 3, 0, log.ProofAsync, CancellationToken.None)).Cosignature);
        var five = log.GrowTo(5);
        Assert.NotNull((await cosigner.RequestAsync(options, five, 5, 3, log.ProofAsync, CancellationToken.None)).Cosignature);

        var padding = await log.ProofAsync(3);
        var padded = await cosigner.RequestAsync(options, five, 5, 5, _ => Task.FromResult(padding), CancellationToken.None);
        Assert.Equal(new WitnessClient.Answer(null, null), padded);
        using var client = new HttpClient { BaseAddress = witness.Address };
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await AddAsync(client, 5, padding, five)).Status);
        Assert.False(Directory.Exists(Path.Combine(witness.StateDirectory, "evidence")));
        Assert.NotNull((await cosigner.RequestAsync(options, five, 5, 5, log.ProofAsync, CancellationToken.None)).Cosignature);
    }

    // Issue 14, transparency log: tlog-witness says a 409 answer "MUST have a Content-Type of text/x.tlog.size";
    // the whole header, with no charset parameter appended.
    [Fact]
    public async Task The_conflict_answer_has_exactly_the_size_media_type()
    {
        using var logKey = Ed25519NoteSigner.Generate(Origin);
        await using var witness = await WitnessProcess.StartAsync("witness.test/w4", logKey.VerifierKey);
        using var client = new HttpClient { BaseAddress = witness.Address };
        var log = new TestLog(logKey, "honest");
        Assert.Equal(HttpStatusCode.OK, (await AddAsync(client, 0, [], log.GrowTo(2))).Status);

        using var content = new StringContent(new AddCheckpointRequest(0, [], log.GrowTo(4)).ToString(), Encoding.UTF8, "text/plain");
        using var response = await client.PostAsync("add-checkpoint", content);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("text/x.tlog.size", string.Join(",", response.Content.Headers.GetValues("Content-Type")));
        Assert.Equal("2\n", await response.Content.ReadAsStringAsync());
    }
}
