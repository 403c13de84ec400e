using System.Text;
using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;

namespace Vigil.Server.Tests.Features.Notifications.Mail;

/// <summary>A recipient's OpenPGP key made for a test: an RSA key that signs and encrypts, optionally with an expiry.</summary>
public sealed class TestOpenPgpKeys
{
    public TestOpenPgpKeys(string userId, DateTimeOffset created, TimeSpan? expiresAfter = null)
    {
        var generator = new RsaKeyPairGenerator();
        generator.Init(new RsaKeyGenerationParameters(BigInteger.ValueOf(0x10001), new SecureRandom(), 2048, 25));
        var pair = new PgpKeyPair(PublicKeyAlgorithmTag.RsaGeneral, generator.GenerateKeyPair(), created.UtcDateTime);
        var usage = new PgpSignatureSubpacketGenerator();
        usage.SetKeyFlags(false, PgpKeyFlags.CanSign | PgpKeyFlags.CanEncryptCommunications | PgpKeyFlags.CanEncryptStorage);
        if (expiresAfter is { } lifetime)
        {
            usage.SetKeyExpirationTime(false, (long)lifetime.TotalSeconds);
        }
        var rings = new PgpKeyRingGenerator(PgpSignature.PositiveCertification, pair, userId, SymmetricKeyAlgorithmTag.Null, passPhrase: (char[]?)null, false,
            usage.Generate(), null, new SecureRandom());
        SecretRing = rings.GenerateSecretKeyRing();
        PublicRing = rings.GeneratePublicKeyRing();
    }

    public PgpSecretKeyRing SecretRing { get; }

    public PgpPublicKeyRing PublicRing { get; }

    public string ArmoredPublic => Armor(PublicRing.Encode);

    public string ArmoredSecret => Armor(SecretRing.Encode);

    public static PgpPublicKeyRing ReadPublic(byte[] armored)
    {
        using var input = PgpUtilities.GetDecoderStream(new MemoryStream(armored));
        return new PgpPublicKeyRing(input);
    }

    private static string Armor(Action<Stream> encode)
    {
        using var buffer = new MemoryStream();
        using (var armor = new ArmoredOutputStream(buffer))
        {
            encode(armor);
        }
        return Encoding.ASCII.GetString(buffer.ToArray());
    }
}
