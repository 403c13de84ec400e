using Microsoft.Extensions.Options;
using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.InboundMail;

/// <summary>
/// The OpenPGP key mail to the CERT's incident address is encrypted to. The CSAF signing key signs only, so the
/// incident address has a key of its own: an Ed25519 primary with a Curve25519 encryption subkey, made on first use in
/// {DataDirectory}/inbound-mail-openpgp.key (owner-only), or loaded from InboundMail:OpenPgpKeyFile (any secret key
/// ring with an encryption key, without a passphrase). Its public half is what reporters encrypt to.
/// </summary>
public sealed class InboundMailKey
{
    private const string UserId = "Vigil incident address";
    private readonly Lazy<PgpSecretKeyRingBundle> _rings;

    public InboundMailKey(IOptions<InboundMailOptions> options, IOptions<StorageOptions> storage, TimeProvider clock)
    {
        var path = options.Value.OpenPgpKeyFile ?? Path.Combine(storage.Value.DataDirectory, "inbound-mail-openpgp.key");
        if (File.Exists(path))
        {
            OwnerOnlyFile.EnsureOwnerOnly(path);
        }
        _rings = new Lazy<PgpSecretKeyRingBundle>(() => File.Exists(path) ? Load(path) : Create(path, clock));
    }

    /// <summary>The secret key that opens data encrypted to <paramref name="keyId"/>, if this key ring holds it.</summary>
    public PgpPrivateKey? PrivateKeyFor(long keyId) => _rings.Value.GetSecretKey(keyId)?.ExtractPrivateKey(null);

    /// <summary>The public key ring (primary and encryption subkey), ASCII-armoured, for reporters to encrypt to.</summary>
    public byte[] ArmoredPublicKey()
    {
        using var buffer = new MemoryStream();
        using (var armor = new ArmoredOutputStream(buffer))
        {
            // Each public key writes itself with its user ids and binding signatures: in order, they are the public ring.
            foreach (var key in _rings.Value.GetKeyRings().SelectMany(r => r.GetPublicKeys()))
            {
                key.Encode(armor);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>The key to encrypt to: the first encryption key of the ring.</summary>
    public PgpPublicKey EncryptionKey =>
        _rings.Value.GetKeyRings().SelectMany(r => r.GetPublicKeys()).First(k => k.IsEncryptionKey);

    private static PgpSecretKeyRingBundle Load(string path)
    {
        OwnerOnlyFile.EnsureOwnerOnly(path);
        using var file = File.OpenRead(path);
        using var input = PgpUtilities.GetDecoderStream(file);
        return new PgpSecretKeyRingBundle(input);
    }

    private static PgpSecretKeyRingBundle Create(string path, TimeProvider clock)
    {
        var random = new SecureRandom();
        var at = clock.GetUtcNow().UtcDateTime;
        var signing = new Ed25519KeyPairGenerator();
        signing.Init(new Ed25519KeyGenerationParameters(random));
        var primary = new PgpKeyPair(PublicKeyAlgorithmTag.EdDsa_Legacy, signing.GenerateKeyPair(), at);
        var agreement = new X25519KeyPairGenerator();
        agreement.Init(new X25519KeyGenerationParameters(random));
        var encryption = new PgpKeyPair(PublicKeyAlgorithmTag.ECDH, agreement.GenerateKeyPair(), at);

        var primaryUsage = new PgpSignatureSubpacketGenerator();
        primaryUsage.SetKeyFlags(false, PgpKeyFlags.CanSign | PgpKeyFlags.CanCertify);
        var subkeyUsage = new PgpSignatureSubpacketGenerator();
        subkeyUsage.SetKeyFlags(false, PgpKeyFlags.CanEncryptCommunications | PgpKeyFlags.CanEncryptStorage);
        var generator = new PgpKeyRingGenerator(PgpSignature.PositiveCertification, primary, UserId, SymmetricKeyAlgorithmTag.Null,
            passPhrase: null, useSha1: false, primaryUsage.Generate(), null, random);
        generator.AddSubKey(encryption, subkeyUsage.Generate(), null);
        var ring = generator.GenerateSecretKeyRing();
        OwnerOnlyFile.Create(path, file =>
        {
            using var armor = new ArmoredOutputStream(file);
            ring.Encode(armor);
        });
        return new PgpSecretKeyRingBundle([ring]);
    }
}
