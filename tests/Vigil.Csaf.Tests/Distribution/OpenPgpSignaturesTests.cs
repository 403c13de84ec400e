using System.Text;
using Vigil.Csaf.Distribution;

namespace Vigil.Csaf.Tests.Distribution;

public sealed class OpenPgpSignaturesTests
{
    private static readonly TestSigningKey Provider = new();
    private static readonly TestSigningKey Stranger = new("Someone Else <x@elsewhere.example>");
    private static readonly byte[] Document = Encoding.UTF8.GetBytes("""{"document":{"title":"signed"}}""");

    [Fact]
    public void A_signature_by_the_published_key_verifies()
    {
        var keys = OpenPgpSignatures.ReadKey(Provider.ArmoredPublicKey(), Provider.Fingerprint);

        Assert.True(OpenPgpSignatures.Check(Document, Provider.Sign(Document), keys).IsValid);
    }

    [Fact]
    public void A_changed_document_fails_its_signature()
    {
        var keys = OpenPgpSignatures.ReadKey(Provider.ArmoredPublicKey(), null);
        var changed = (byte[])Document.Clone();
        changed[^3] ^= 1;

        var check = OpenPgpSignatures.Check(changed, Provider.Sign(Document), keys);
        Assert.Equal(SignatureStatus.Bad, check.Status);
        Assert.Contains("does not match the document", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signature_by_another_key_is_refused()
    {
        var keys = OpenPgpSignatures.ReadKey(Provider.ArmoredPublicKey(), null);

        var check = OpenPgpSignatures.Check(Document, Stranger.Sign(Document), keys);
        Assert.Equal(SignatureStatus.UnknownKey, check.Status);
        Assert.Contains("not one of the provider's published keys", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_whose_fingerprint_is_not_the_published_one_is_refused()
    {
        var e = Assert.Throws<CsafDistributionException>(() => OpenPgpSignatures.ReadKey(Stranger.ArmoredPublicKey(), Provider.Fingerprint));

        Assert.Contains(Provider.Fingerprint, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fingerprint_written_in_groups_of_four_in_lower_case_matches()
    {
        var grouped = string.Join(' ', Provider.Fingerprint.ToLowerInvariant().Chunk(4).Select(c => new string(c)));

        Assert.NotEmpty(OpenPgpSignatures.ReadKey(Provider.ArmoredPublicKey(), grouped));
    }

    [Fact]
    public void Garbage_is_neither_a_key_nor_a_signature()
    {
        var keys = OpenPgpSignatures.ReadKey(Provider.ArmoredPublicKey(), null);

        Assert.Throws<CsafDistributionException>(() => OpenPgpSignatures.ReadKey(Encoding.ASCII.GetBytes("not a key"), null));
        Assert.Equal(SignatureStatus.Bad, OpenPgpSignatures.Check(Document, Encoding.ASCII.GetBytes("not a signature"), keys).Status);
    }
}
