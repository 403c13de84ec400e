using System.Text.Json;
using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Notes;

namespace Vigil.Ledger.Tests.Checkpoints;

public class TlogProofTests
{
    private static readonly JsonElement Vectors = TlogVectors.Load("checkpoint-vectors.json");
    private static readonly JsonElement Receipt = Vectors.GetProperty("tlogProofReceipt");
    private static readonly NoteVerifierSet LogKey = NoteVerifierSet.Parse(Vectors.GetProperty("log").Text("vkey"));
    private static readonly byte[] LeafHash = MerkleHash.HashLeaf(Receipt.GetProperty("leafHex").Hex());

    [Fact]
    public void Receipt_vector_parses_and_verifies()
    {
        var proof = TlogProof.Parse(Receipt.Text("text"));
        Assert.Equal(5, proof.Index);
        Assert.Null(proof.Extra);
        Assert.Equal(Vectors.GetProperty("inclusionOfLeaf5").GetProperty("pathB64").EnumerateArray().Select(p => p.GetString()), proof.InclusionProof.Select(Convert.ToBase64String));
        Assert.Equal(Vectors.Text("checkpointEd25519"), proof.SignedCheckpoint);
        var opened = proof.Verify(LeafHash, LogKey);
        Assert.Equal(8, opened.Checkpoint.Size);
    }

    [Fact]
    public async Task Receipt_built_from_stored_hashes_and_a_signed_checkpoint_is_the_vector()
    {
        var store = new InMemoryHashStore();
        foreach (var leaf in TlogVectors.Load("rfc6962-merkle-vectors.json").GetProperty("leavesHex").EnumerateArray())
        {
            store.AppendLeaf(leaf.Hex());
        }

        var log = Vectors.GetProperty("log");
        using var signer = Ed25519NoteSigner.FromSeed(log.Text("origin"), log.GetProperty("ed25519SeedHex").Hex());
        var checkpoint = new Checkpoint(log.Text("origin"), store.Size, store.Root()).Sign(signer);
        var inclusion = await InclusionProof.CreateAsync(store, 5, store.Size);
        Assert.Equal(Receipt.Text("text"), TlogProof.Create(inclusion, checkpoint).ToString());
    }

    [Fact]
    public void Receipt_fails_for_another_leaf_a_changed_proof_or_an_unknown_key()
    {
        var proof = TlogProof.Parse(Receipt.Text("text"));
        Assert.Throws<LedgerVerificationException>(() => proof.Verify(MerkleHash.HashLeaf("other"u8), LogKey));
        var changed = new TlogProof(4, proof.InclusionProof, proof.SignedCheckpoint);
        Assert.Throws<LedgerVerificationException>(() => changed.Verify(LeafHash, LogKey));
        using var stranger = Ed25519NoteSigner.Generate(Vectors.GetProperty("log").Text("origin"));
        Assert.Throws<LedgerVerificationException>(() => proof.Verify(LeafHash, NoteVerifierSet.Parse(stranger.VerifierKey)));
    }

    [Fact]
    public void Extra_data_round_trips()
    {
        var proof = TlogProof.Parse(Receipt.Text("text"));
        var withExtra = new TlogProof(proof.Index, proof.InclusionProof, proof.SignedCheckpoint, "salt and context"u8.ToArray());
        var text = withExtra.ToString();
        Assert.StartsWith("c2sp.org/tlog-proof@v1\nextra c2FsdCBhbmQgY29udGV4dA==\nindex 5\n", text, StringComparison.Ordinal);
        var parsed = TlogProof.Parse(text);
        Assert.Equal("salt and context"u8.ToArray(), parsed.Extra);
        parsed.Verify(LeafHash, LogKey);
    }

    [Fact]
    public void Proof_of_the_only_leaf_has_no_hash_lines()
    {
        using var signer = Ed25519NoteSigner.Generate("example.com/one");
        var leaf = MerkleHash.HashLeaf("only"u8);
        var note = new Checkpoint("example.com/one", 1, leaf).Sign(signer);
        var text = TlogProof.Create(new InclusionProof(0, 1, []), note).ToString();
        Assert.StartsWith("c2sp.org/tlog-proof@v1\nindex 0\n\nexample.com/one\n1\n", text, StringComparison.Ordinal);
        TlogProof.Parse(text).Verify(leaf, NoteVerifierSet.Parse(signer.VerifierKey));
    }

    [Theory]
    [InlineData("c2sp.org/tlog-proof@v2\nindex 5\n\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 05\n\nx\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex -1\n\nx\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nextra !!\nindex 1\n\nx\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 1\nnot-base64\n\nx\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 1\nAAAA\n\nx\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 1\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 1\n\n")]
    public void Malformed_proof_is_rejected(string text)
    {
        Assert.Throws<FormatException>(() => TlogProof.Parse(text));
    }
}
