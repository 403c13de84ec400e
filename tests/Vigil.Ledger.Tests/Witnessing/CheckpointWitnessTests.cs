using Microsoft.Extensions.Time.Testing;
using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Notes;
using Vigil.Ledger.Witnessing;

namespace Vigil.Ledger.Tests.Witnessing;

public sealed class CheckpointWitnessTests : IDisposable
{
    private readonly Ed25519NoteSigner _log = Ed25519NoteSigner.Generate("example.com/log");
    private readonly Ed25519CosignatureSigner _cosigner = Ed25519CosignatureSigner.Generate("witness.example/w", new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000)));
    private readonly InMemoryHashStore _tree = new();

    private CheckpointWitness Witness() => new(_cosigner, [_log.CreateVerifier()]);

    private Checkpoint GrowTo(long size)
    {
        while (_tree.Size < size)
        {
            _tree.AppendLeaf([(byte)_tree.Size]);
        }
        return new Checkpoint(_log.Name, size, _tree.Root());
    }

    private AddCheckpointRequest Request(long oldSize, Checkpoint checkpoint) =>
        new(oldSize, oldSize == 0 ? [] : ConsistencyProof.CreateAsync(_tree, oldSize, checkpoint.Size).AsTask().Result.Hashes, checkpoint.Sign(_log));

    [Fact]
    public void A_consistent_extension_is_accepted_and_its_cosignature_verifies_with_the_time_of_the_clock()
    {
        var old = GrowTo(4);
        var verdict = Witness().Evaluate(Request(4, GrowTo(9)), old);
        Assert.Equal((AddCheckpointOutcome.Accepted, 200), (verdict.Outcome, verdict.HttpStatus));
        var cosignature = Witness().Cosign(verdict.Checkpoint!);
        verdict.Checkpoint!.Note.WithSignatures([cosignature]).Verify(new NoteVerifierSet(_cosigner.CreateVerifier()));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000), Ed25519CosignatureVerifier.ReadTimestamp(cosignature));
    }

    [Fact]
    public void Each_refusal_has_its_tlog_witness_status()
    {
        var four = GrowTo(4);
        var nine = GrowTo(9);
        var otherRoot = new Checkpoint(_log.Name, 4, new byte[32]);
        var witness = Witness();
        Assert.Equal(409, witness.Evaluate(Request(0, nine), four).HttpStatus);
        Assert.Equal(4, witness.Evaluate(Request(0, nine), four).LatestSize);
        Assert.Equal(AddCheckpointOutcome.Malformed, witness.Evaluate(new AddCheckpointRequest(9, [], four.Sign(_log)), nine).Outcome);
        Assert.Equal(AddCheckpointOutcome.Forked, witness.Evaluate(new AddCheckpointRequest(4, [], otherRoot.Sign(_log)), four).Outcome);
        Assert.Equal(AddCheckpointOutcome.InconsistentProof, witness.Evaluate(Request(4, nine), otherRoot).Outcome);
        Assert.True(witness.Evaluate(Request(4, nine), otherRoot).IsEvidenceOfMisbehaviour);
        using var impostor = Ed25519NoteSigner.Generate(_log.Name);
        Assert.Equal(403, witness.Evaluate(new AddCheckpointRequest(0, [], nine.Sign(impostor)), null).HttpStatus);
        using var stranger = Ed25519NoteSigner.Generate("other.example/log");
        Assert.Equal(404, witness.Evaluate(new AddCheckpointRequest(0, [], new Checkpoint(stranger.Name, 1, new byte[32]).Sign(stranger)), null).HttpStatus);
    }

    [Fact]
    public void The_first_checkpoint_of_a_log_needs_no_proof_but_refuses_one()
    {
        var five = GrowTo(5);
        Assert.Equal(AddCheckpointOutcome.Accepted, Witness().Evaluate(Request(0, five), null).Outcome);
        Assert.Equal(AddCheckpointOutcome.Malformed, Witness().Evaluate(new AddCheckpointRequest(0, [new byte[32]], five.Sign(_log)), null).Outcome);
    }

    // Issue 14, transparency log: RFC 9162 (2.1.4.2) fails a consistency proof between equal sizes unless it is empty,
    // and C2SP tlog-witness answers a proof that does not verify with 422. The same tree offered with hashes attached
    // was cosigned before; the request is refused, and it is no evidence against the log (the roots agree).
    [Fact]
    public async Task A_proof_between_equal_sizes_must_be_empty()
    {
        var four = GrowTo(4);
        var nine = GrowTo(9);
        var padded = new AddCheckpointRequest(9, (await ConsistencyProof.CreateAsync(_tree, 4, 9)).Hashes, nine.Sign(_log));
        var verdict = Witness().Evaluate(padded, nine);
        Assert.Equal((AddCheckpointOutcome.NonEmptyProof, 422), (verdict.Outcome, verdict.HttpStatus));
        Assert.False(verdict.IsEvidenceOfMisbehaviour);
        Assert.Equal(AddCheckpointOutcome.Accepted, Witness().Evaluate(new AddCheckpointRequest(9, [], nine.Sign(_log)), nine).Outcome);
        Assert.Equal(AddCheckpointOutcome.Accepted, Witness().Evaluate(Request(4, nine), four).Outcome);
    }

    public void Dispose()
    {
        _log.Dispose();
        _cosigner.Dispose();
    }
}
