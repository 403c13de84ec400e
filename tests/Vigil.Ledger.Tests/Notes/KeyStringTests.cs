using System.Text.Json;
using Vigil.Ledger.Notes;

namespace Vigil.Ledger.Tests.Notes;

public class KeyStringTests
{
    private static readonly JsonElement Vectors = TlogVectors.Load("signed-note-vectors.json");
    private static readonly string PeterVerifierKey = Vectors.GetProperty("goXModNote").GetProperty("peter").Text("vkey");

    public static TheoryData<string> RecomputedKeys() => new(Vectors.GetProperty("vkeyKeyIdRecompute").EnumerateArray().Select(k => k.GetString()!));

    public static TheoryData<string> BadKeys() => new(Vectors.GetProperty("goXModNote").GetProperty("badVkeys").EnumerateArray().Select(k => k.GetString()!));

    [Theory]
    [MemberData(nameof(RecomputedKeys))]
    public void Published_verifier_key_parses_and_formats_back(string verifierKey)
    {
        var verifier = Assert.IsType<Ed25519NoteVerifier>(NoteVerifier.Parse(verifierKey));
        Assert.Equal(verifierKey, verifier.VerifierKey);
    }

    [Theory]
    [MemberData(nameof(BadKeys))]
    public void Bad_verifier_key_is_rejected(string verifierKey)
    {
        Assert.Throws<FormatException>(() => NoteVerifier.Parse(verifierKey));
    }

    [Fact]
    public void Every_prefix_and_every_single_byte_increment_of_a_verifier_key_is_rejected()
    {
        for (var length = 0; length < PeterVerifierKey.Length; length++)
        {
            Assert.Throws<FormatException>(() => NoteVerifier.Parse(PeterVerifierKey[..length]));
        }

        for (var i = 0; i < PeterVerifierKey.Length; i++)
        {
            var chars = PeterVerifierKey.ToCharArray();
            chars[i]++;
            Assert.Throws<FormatException>(() => NoteVerifier.Parse(new string(chars)));
        }
    }

    [Fact]
    public void Generated_key_round_trips_through_its_strings_and_signs_verifiably()
    {
        using var signer = Ed25519NoteSigner.Generate("vigil.example/ledger");
        using var parsed = Ed25519NoteSigner.Parse(signer.SignerKey);
        Assert.Equal(signer.VerifierKey, parsed.VerifierKey);
        Assert.StartsWith("PRIVATE+KEY+vigil.example/ledger+", signer.SignerKey, StringComparison.Ordinal);
        var note = SignedNote.Sign("hello\n", parsed);
        Assert.Single(note.Verify(NoteVerifierSet.Parse(signer.VerifierKey)).Verified);
    }

    [Fact]
    public void Two_generated_keys_differ()
    {
        using var a = Ed25519NoteSigner.Generate("a.example");
        using var b = Ed25519NoteSigner.Generate("a.example");
        Assert.NotEqual(a.VerifierKey, b.VerifierKey);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("has+plus")]
    [InlineData("has\u00a0nbsp")]
    public void Invalid_key_names_are_refused(string name)
    {
        Assert.Throws<FormatException>(() => Ed25519NoteSigner.Generate(name));
    }

    [Fact]
    public void Signer_key_with_a_wrong_key_id_is_rejected()
    {
        using var signer = Ed25519NoteSigner.Generate("example.com/k");
        var parts = signer.SignerKey.Split('+');
        parts[3] = parts[3] == "00000000" ? "00000001" : "00000000";
        Assert.Throws<FormatException>(() => Ed25519NoteSigner.Parse(string.Join('+', parts)));
    }

    [Fact]
    public void Verifier_key_of_another_algorithm_is_reported_as_unknown()
    {
        var key = new byte[33];
        key[0] = 0x07;
        var keyId = NoteKeyId.Compute("example.com/other", (NoteSignatureType)0x07, key.AsSpan(1));
        var vkey = $"example.com/other+{NoteKeyId.ToHex(keyId)}+{Convert.ToBase64String(key)}";
        var error = Assert.Throws<FormatException>(() => NoteVerifier.Parse(vkey));
        Assert.Contains("unknown signature type 0x07", error.Message, StringComparison.Ordinal);
    }
}
