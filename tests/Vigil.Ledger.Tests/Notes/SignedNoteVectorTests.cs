using System.Text;
using System.Text.Json;
using Vigil.Ledger.Checkpoints;
using Vigil.Ledger.Notes;

namespace Vigil.Ledger.Tests.Notes;

/// <summary>The golang.org/x/mod/sumdb/note and C2SP signed-note vectors.</summary>
public class SignedNoteVectorTests
{
    private static readonly JsonElement Vectors = TlogVectors.Load("signed-note-vectors.json");
    private static readonly JsonElement Go = Vectors.GetProperty("goXModNote");
    private static readonly string Text = Go.Text("text");
    private static readonly string PeterSignerKey = Go.GetProperty("peter").Text("skey");
    private static readonly string PeterVerifierKey = Go.GetProperty("peter").Text("vkey");
    private static readonly string EnochVerifierKey = Go.GetProperty("enoch").Text("vkey");

    public static TheoryData<int> MalformedNoteIndexes() => new(Enumerable.Range(0, Go.GetProperty("malformedNotes").GetArrayLength()));

    [Fact]
    public void Signing_with_Peter_reproduces_the_go_signed_note()
    {
        using var peter = Ed25519NoteSigner.Parse(PeterSignerKey);
        Assert.Equal("PeterNeumann", peter.Name);
        Assert.Equal(0xc74f20a3u, peter.KeyId);
        Assert.Equal(PeterVerifierKey, peter.VerifierKey);
        Assert.Equal(PeterSignerKey, peter.SignerKey);
        Assert.Equal(Go.Text("signedByPeter"), SignedNote.Sign(Text, peter).ToString());
    }

    [Fact]
    public void Zero_seed_gives_Enoch_and_both_signatures_reproduce()
    {
        using var enoch = Ed25519NoteSigner.FromSeed("EnochRoot", new byte[32]);
        using var peter = Ed25519NoteSigner.Parse(PeterSignerKey);
        Assert.Equal(EnochVerifierKey, enoch.VerifierKey);
        Assert.Equal("PRIVATE+KEY+EnochRoot+af0cfe78+AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", enoch.SignerKey);
        Assert.Equal(Go.Text("signedByPeterAndEnoch"), SignedNote.Sign(Text, peter, enoch).ToString());
    }

    [Fact]
    public void Opening_with_Peter_only_verifies_Peter_and_ignores_Enoch()
    {
        var result = SignedNote.Open(Go.Text("signedByPeterAndEnoch"), NoteVerifierSet.Parse(PeterVerifierKey));
        Assert.Equal(Text, result.Text);
        Assert.Equal(("PeterNeumann", 0xc74f20a3u), (result.Verified.Single().Name, result.Verified.Single().KeyId));
        Assert.Equal(("EnochRoot", 0xaf0cfe78u), (result.Unverified.Single().Name, result.Unverified.Single().KeyId));
    }

    [Fact]
    public void Opening_with_both_keys_verifies_both()
    {
        var result = SignedNote.Open(Go.Text("signedByPeterAndEnoch"), NoteVerifierSet.Parse(PeterVerifierKey, EnochVerifierKey));
        Assert.Equal(["PeterNeumann", "EnochRoot"], result.Verified.Select(s => s.Name));
        Assert.Empty(result.Unverified);
    }

    [Fact]
    public void Opening_with_no_known_key_fails()
    {
        var error = Assert.Throws<LedgerVerificationException>(() => SignedNote.Open(Go.Text("signedByPeterAndEnoch"), new NoteVerifierSet()));
        Assert.Contains("no verifiable signatures", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_known_key_whose_signature_fails_rejects_the_whole_note()
    {
        var signed = Encoding.UTF8.GetBytes(Go.Text("signedByPeter"));
        var peterLine = signed.AsSpan(Encoding.UTF8.GetByteCount(Text) + 1).ToArray();
        byte[] tampered = [.. Encoding.UTF8.GetBytes(Text + "\n"), .. peterLine[..60], .. "ABCD"u8, .. peterLine[60..]];
        var note = SignedNote.Parse(tampered);
        var error = Assert.Throws<LedgerVerificationException>(() => note.Verify(NoteVerifierSet.Parse(PeterVerifierKey)));
        Assert.Equal("Invalid signature for key PeterNeumann+c74f20a3.", error.Message);
    }

    [Fact]
    public void More_than_100_signatures_is_malformed_but_16_are_accepted()
    {
        var peterLine = Go.Text("signedByPeter")[(Text.Length + 1)..];
        Assert.Throws<FormatException>(() => SignedNote.Parse(Text + "\n" + string.Concat(Enumerable.Repeat(peterLine, 101))));
        var sixteen = SignedNote.Parse(Text + "\n" + string.Concat(Enumerable.Repeat(peterLine, 16)));
        Assert.Single(sixteen.Verify(NoteVerifierSet.Parse(PeterVerifierKey)).Verified);
    }

    [Theory]
    [MemberData(nameof(MalformedNoteIndexes))]
    public void Malformed_note_is_rejected(int index)
    {
        var note = Go.GetProperty("malformedNotes")[index].GetString()!;
        Assert.Throws<FormatException>(() => SignedNote.Parse(note));
    }

    [Fact]
    public void Note_with_invalid_utf8_is_rejected()
    {
        byte[] note = [0xFF, .. Encoding.UTF8.GetBytes(Go.Text("signedByPeter"))];
        Assert.Throws<FormatException>(() => SignedNote.Parse(note));
    }

    [Fact]
    public void C2sp_example_note_verifies()
    {
        var example = Vectors.GetProperty("c2spExample");
        var result = SignedNote.Open(example.Text("note"), NoteVerifierSet.Parse(example.Text("vkey")));
        Assert.Equal("This is an example message.\n", result.Text);
    }

    [Fact]
    public void Real_sum_golang_org_checkpoint_verifies_and_fails_when_the_size_changes()
    {
        var real = Vectors.GetProperty("realSumGolangOrgCheckpoint");
        var verifiers = NoteVerifierSet.Parse(real.Text("vkey"));
        var opened = Checkpoint.Open(real.Text("note"), verifiers);
        Assert.Equal("go.sum database tree", opened.Checkpoint.Origin);
        Assert.Equal(65664258, opened.Checkpoint.Size);
        var tampered = real.Text("note").Replace("65664258", "65664259", StringComparison.Ordinal);
        Assert.Throws<LedgerVerificationException>(() => Checkpoint.Open(tampered, verifiers));
    }

    [Fact]
    public void Real_rekor_checkpoint_verifies_with_ecdsa_and_fails_when_the_size_changes()
    {
        var real = Vectors.GetProperty("realRekorV1Checkpoint");
        var verifier = new EcdsaNoteVerifier("rekor.sigstore.dev", real.GetProperty("logPublicKeySpkiB64").Base64());
        Assert.Equal(real.Text("logIdHex")[..8], NoteKeyId.ToHex(verifier.KeyId));
        var opened = Checkpoint.Open(real.Text("note"), new NoteVerifierSet(verifier));
        Assert.Equal(2953640305, opened.Checkpoint.Size);
        var tampered = real.Text("note").Replace("2953640305", "2953640306", StringComparison.Ordinal);
        Assert.Throws<LedgerVerificationException>(() => Checkpoint.Open(tampered, new NoteVerifierSet(verifier)));
    }

    [Fact]
    public void Go_sumdb_tree_note_text_is_formatted_exactly()
    {
        var checkpoint = new Checkpoint("go.sum database tree", 123456789012, MerkleHash.HashLeaf("hello world"u8));
        Assert.Equal(Vectors.GetProperty("goSumdbTreeNote").Text("formatTreeGolden"), checkpoint.ToText());
    }
}
