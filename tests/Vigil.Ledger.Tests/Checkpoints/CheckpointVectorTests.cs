using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Notes;

namespace Vigil.Ledger.Tests.Checkpoints;

/// <summary>The self-generated checkpoint, cosignature and tlog-proof vectors over the 8 reference leaves.</summary>
public class CheckpointVectorTests
{
    private static readonly JsonElement Vectors = TlogVectors.Load("checkpoint-vectors.json");
    private static readonly JsonElement Log = Vectors.GetProperty("log");
    private static readonly JsonElement Witness = Vectors.GetProperty("witnessCosignature");

    private static Ed25519NoteSigner LogSigner() => Ed25519NoteSigner.FromSeed(Log.Text("origin"), Log.GetProperty("ed25519SeedHex").Hex());

    private static Ed25519CosignatureSigner WitnessSigner(TimeProvider clock) =>
        Ed25519CosignatureSigner.FromSeed(Witness.Text("name"), Witness.GetProperty("seedHex").Hex(), clock);

    [Fact]
    public void Log_key_matches_its_published_verifier_key()
    {
        using var signer = LogSigner();
        Assert.Equal(Log.GetProperty("ed25519PubHex").Hex(), signer.PublicKey.ToArray());
        Assert.Equal(Log.Text("vkey"), signer.VerifierKey);
        Assert.Equal(Log.Text("keyIdHex"), NoteKeyId.ToHex(signer.KeyId));
    }

    [Fact]
    public void Signing_the_8_leaf_checkpoint_reproduces_the_vector()
    {
        using var signer = LogSigner();
        var checkpoint = new Checkpoint(Log.Text("origin"), 8, TlogVectors.Load("rfc6962-merkle-vectors.json").GetProperty("roots")[8].GetProperty("rootHex").Hex());
        Assert.Equal(Vectors.Text("checkpointBody"), checkpoint.ToText());
        Assert.Equal(Vectors.Text("checkpointEd25519"), checkpoint.Sign(signer).ToString());
    }

    [Fact]
    public void Signed_checkpoint_opens_with_the_log_key_and_expected_origin()
    {
        var opened = Checkpoint.Open(Vectors.Text("checkpointEd25519"), NoteVerifierSet.Parse(Log.Text("vkey")), Log.Text("origin"));
        Assert.Equal(8, opened.Checkpoint.Size);
        Assert.Throws<LedgerVerificationException>(() => Checkpoint.Open(Vectors.Text("checkpointEd25519"), NoteVerifierSet.Parse(Log.Text("vkey")), "other.example/log"));
    }

    [Fact]
    public void Ecdsa_checkpoint_verifies_with_its_key_hint()
    {
        var ecdsa = Vectors.GetProperty("checkpointEcdsaP256");
        var verifier = new EcdsaNoteVerifier(Log.Text("origin"), ecdsa.GetProperty("spkiDerB64").Base64());
        Assert.Equal(ecdsa.Text("keyHintHex"), NoteKeyId.ToHex(verifier.KeyId));
        var opened = Checkpoint.Open(ecdsa.Text("checkpoint"), new NoteVerifierSet(verifier));
        Assert.Equal(Vectors.Text("checkpointBody"), opened.Checkpoint.ToText());
    }

    [Fact]
    public void Witness_cosignature_is_reproduced_exactly_from_seed_and_time()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(long.Parse(Witness.Text("timestamp"), System.Globalization.CultureInfo.InvariantCulture)));
        using var witness = WitnessSigner(clock);
        Assert.Equal(Witness.GetProperty("pubHex").Hex(), Convert.FromBase64String(Witness.Text("vkey").Split('+')[2])[1..]);
        Assert.Equal(Witness.Text("vkey"), witness.VerifierKey);
        var cosignature = witness.SignText(Vectors.Text("checkpointBody"));
        Assert.Equal(Witness.Text("cosignatureLine"), cosignature.ToLine());

        var cosigned = SignedNote.Parse(Vectors.Text("checkpointEd25519")).WithSignatures([cosignature]);
        Assert.Equal(Witness.Text("cosignedCheckpoint"), cosigned.ToString());
    }

    [Fact]
    public void Cosigned_checkpoint_verifies_log_and_witness_and_reads_the_timestamp()
    {
        var verifiers = NoteVerifierSet.Parse(Log.Text("vkey"), Witness.Text("vkey"));
        var opened = Checkpoint.Open(Witness.Text("cosignedCheckpoint"), verifiers);
        Assert.Equal(2, opened.Verification.Verified.Count);
        var cosignature = opened.Verification.Verified.Single(s => s.Name == Witness.Text("name"));
        Assert.Equal(1700000000, Ed25519CosignatureVerifier.ReadTimestamp(cosignature).ToUnixTimeSeconds());
    }

    [Fact]
    public void Cosignature_signs_the_documented_message()
    {
        var verifier = Assert.IsType<Ed25519CosignatureVerifier>(NoteVerifier.Parse(Witness.Text("vkey")));
        var cosignature = SignedNote.Parse(Witness.Text("cosignedCheckpoint")).Signatures[1];
        Assert.True(verifier.Verify(System.Text.Encoding.UTF8.GetBytes(Vectors.Text("checkpointBody")), cosignature.Signature));
        Assert.StartsWith("cosignature/v1\ntime 1700000000\n", Witness.Text("signedMessage"), StringComparison.Ordinal);

        var publicKey = Witness.GetProperty("pubHex").Hex();
        var signedMessage = System.Text.Encoding.UTF8.GetBytes(Witness.Text("signedMessage"));
        Assert.True(NSec.Cryptography.SignatureAlgorithm.Ed25519.Verify(
            NSec.Cryptography.PublicKey.Import(NSec.Cryptography.SignatureAlgorithm.Ed25519, publicKey, NSec.Cryptography.KeyBlobFormat.RawPublicKey),
            signedMessage,
            cosignature.Signature.AsSpan(8)));
    }

    [Fact]
    public void Cosignature_with_another_timestamp_or_checkpoint_fails()
    {
        var verifiers = NoteVerifierSet.Parse(Log.Text("vkey"), Witness.Text("vkey"));
        var note = SignedNote.Parse(Witness.Text("cosignedCheckpoint"));
        var cosignature = note.Signatures[1];
        var changedTime = (byte[])cosignature.Signature.Clone();
        changedTime[7] ^= 1;
        var retimed = new SignedNote(note.Text, [note.Signatures[0], cosignature with { Signature = changedTime }]);
        Assert.Throws<LedgerVerificationException>(() => retimed.Verify(verifiers));

        var otherText = note.Text.Replace("\n8\n", "\n9\n", StringComparison.Ordinal);
        Assert.Throws<LedgerVerificationException>(() => new SignedNote(otherText, [cosignature]).Verify(verifiers));
    }

    [Fact]
    public void Witness_key_id_uses_type_0x04_so_the_same_key_as_a_log_key_differs()
    {
        using var witness = WitnessSigner(TimeProvider.System);
        using var sameKeyAsLog = Ed25519NoteSigner.FromSeed(Witness.Text("name"), Witness.GetProperty("seedHex").Hex());
        Assert.NotEqual(sameKeyAsLog.KeyId, witness.KeyId);
        Assert.Equal(NoteKeyId.Compute(Witness.Text("name"), NoteSignatureType.Ed25519Cosignature, Witness.GetProperty("pubHex").Hex()), witness.KeyId);
    }

    [Fact]
    public void Cosigner_key_strings_round_trip()
    {
        using var witness = Ed25519CosignatureSigner.Generate("ministry.example/witness", TimeProvider.System);
        using var parsed = Ed25519CosignatureSigner.Parse(witness.SignerKey, TimeProvider.System);
        Assert.Equal(witness.VerifierKey, parsed.VerifierKey);
        Assert.Equal(witness.VerifierKey, parsed.CreateVerifier().VerifierKey);
        Assert.Throws<FormatException>(() => Ed25519NoteSigner.Parse(witness.SignerKey));
    }

    [Fact]
    public void Witness_response_line_parses_and_is_appended_to_the_checkpoint()
    {
        var cosignature = NoteSignature.ParseLine(Witness.Text("cosignatureLine"));
        Assert.Equal(Witness.Text("name"), cosignature.Name);
        Assert.Equal(cosignature, NoteSignature.ParseLine(Witness.Text("cosignatureLine").TrimEnd('\n')));
        var cosigned = SignedNote.Parse(Vectors.Text("checkpointEd25519")).WithSignatures([cosignature]);
        Assert.Equal(Witness.Text("cosignedCheckpoint"), cosigned.ToString());
        Assert.Throws<FormatException>(() => NoteSignature.ParseLine("- witness.example.com/w1 AAAAAAAA"));
        Assert.Throws<FormatException>(() => NoteSignature.ParseLine(Witness.Text("cosignatureLine") + "\n"));
    }
}
