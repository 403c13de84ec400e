using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;

namespace Vigil.Csaf.Tests.Distribution;

/// <summary>An RSA OpenPGP key made for a test, as many providers use, with its armoured public key and detached signatures.</summary>
public sealed class TestSigningKey
{
    private readonly PgpSecretKey _secret;

    public TestSigningKey(string userId = "Test Provider <csaf@provider.example>")
    {
        var generator = new RsaKeyPairGenerator();
        generator.Init(new RsaKeyGenerationParameters(BigInteger.ValueOf(65537), new SecureRandom(), 2048, 80));
        var pair = new PgpKeyPair(PublicKeyAlgorithmTag.RsaGeneral, generator.GenerateKeyPair(), new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        _secret = new PgpSecretKey(PgpSignature.DefaultCertification, pair, userId, SymmetricKeyAlgorithmTag.Null, (char[]?)null, true, null, null, new SecureRandom());
    }

    public string Fingerprint => Convert.ToHexString(_secret.PublicKey.GetFingerprint());

    public byte[] ArmoredPublicKey()
    {
        using var buffer = new MemoryStream();
        using (var armor = new ArmoredOutputStream(buffer))
        {
            _secret.PublicKey.Encode(armor);
        }
        return buffer.ToArray();
    }

    public byte[] Sign(byte[] data)
    {
        var signer = new PgpSignatureGenerator(PublicKeyAlgorithmTag.RsaGeneral, HashAlgorithmTag.Sha256);
        signer.InitSign(PgpSignature.BinaryDocument, _secret.ExtractPrivateKey(null));
        signer.Update(data);
        using var buffer = new MemoryStream();
        using (var armor = new ArmoredOutputStream(buffer))
        {
            signer.Generate().Encode(armor);
        }
        return buffer.ToArray();
    }
}
