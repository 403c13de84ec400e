using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace Vigil.Server.Infrastructure.Storage;

/// <summary>
/// An OpenPGP secret key ring kept in an owner-only file: a file already there is checked at once (the key's holder
/// is built while the server starts, so a loosened file stops the start, not the first use), read on first use; where
/// there is none, an Ed25519 key that signs and certifies is made on first use and written owner-only, so a server
/// that never needs the key never writes one. Each key Vigil keeps this way is loaded and made here.
/// </summary>
public static class OwnerOnlyKeyFile
{
    /// <param name="encryptionSubkey">Also make a Curve25519 subkey that data can be encrypted to.</param>
    public static Lazy<PgpSecretKeyRingBundle> OpenPgp(string path, string userId, bool encryptionSubkey, TimeProvider clock)
    {
        if (File.Exists(path))
        {
            OwnerOnlyFile.EnsureOwnerOnly(path);
        }
        return new Lazy<PgpSecretKeyRingBundle>(() => File.Exists(path) ? Load(path) : Create(path, userId, encryptionSubkey, clock));
    }

    private static PgpSecretKeyRingBundle Load(string path)
    {
        OwnerOnlyFile.EnsureOwnerOnly(path);
        using var file = File.OpenRead(path);
        using var input = PgpUtilities.GetDecoderStream(file);
        return new PgpSecretKeyRingBundle(input);
    }

    private static PgpSecretKeyRingBundle Create(string path, string userId, bool encryptionSubkey, TimeProvider clock)
    {
        var random = new SecureRandom();
        var at = clock.GetUtcNow().UtcDateTime;
        var signing = new Ed25519KeyPairGenerator();
        signing.Init(new Ed25519KeyGenerationParameters(random));
        var primary = new PgpKeyPair(PublicKeyAlgorithmTag.EdDsa_Legacy, signing.GenerateKeyPair(), at);
        var primaryUsage = new PgpSignatureSubpacketGenerator();
        primaryUsage.SetKeyFlags(false, PgpKeyFlags.CanSign | PgpKeyFlags.CanCertify);
        var generator = new PgpKeyRingGenerator(PgpSignature.PositiveCertification, primary, userId, SymmetricKeyAlgorithmTag.Null,
            passPhrase: null, useSha1: false, primaryUsage.Generate(), null, random);
        if (encryptionSubkey)
        {
            var agreement = new X25519KeyPairGenerator();
            agreement.Init(new X25519KeyGenerationParameters(random));
            var subkeyUsage = new PgpSignatureSubpacketGenerator();
            subkeyUsage.SetKeyFlags(false, PgpKeyFlags.CanEncryptCommunications | PgpKeyFlags.CanEncryptStorage);
            generator.AddSubKey(new PgpKeyPair(PublicKeyAlgorithmTag.ECDH, agreement.GenerateKeyPair(), at), subkeyUsage.Generate(), null);
        }
        var ring = generator.GenerateSecretKeyRing();
        OwnerOnlyFile.Create(path, file =>
        {
            using var armor = new ArmoredOutputStream(file);
            ring.Encode(armor);
        });
        return new PgpSecretKeyRingBundle([ring]);
    }
}
