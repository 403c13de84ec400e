using System.Text;
using Microsoft.Extensions.Options;
using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.Csaf;

/// <summary>
/// The OpenPGP key that signs CSAF documents (CSAF requirement 19): an Ed25519 key Vigil generates on first use in
/// {DataDirectory}/csaf-openpgp.key (owner-only), or loads from Csaf:OpenPgpKeyFile. The public key is published
/// (requirement 20) and named in provider-metadata.json by its fingerprint.
/// </summary>
public sealed class CsafOpenPgpKey
{
    private readonly Lazy<PgpSecretKey> _key;

    public CsafOpenPgpKey(IOptions<CsafOptions> options, IOptions<StorageOptions> storage, TimeProvider clock)
    {
        var path = options.Value.OpenPgpKeyFile ?? Path.Combine(storage.Value.DataDirectory, "csaf-openpgp.key");
        if (File.Exists(path))
        {
            // Checked now (this is built while the server starts), not when the first document is signed.
            OwnerOnlyFile.EnsureOwnerOnly(path);
        }
        // Made on first use, so that a server that never publishes never writes a key.
        _key = new Lazy<PgpSecretKey>(() => File.Exists(path) ? Load(path) : Create(path, options.Value.OpenPgpUserId, clock));
    }

    public PgpSecretKey SecretKey => _key.Value;

    /// <summary>The v4 fingerprint in upper-case hex, as provider-metadata.json writes it.</summary>
    public string Fingerprint => Convert.ToHexString(SecretKey.PublicKey.GetFingerprint());

    public byte[] ArmoredPublicKey()
    {
        using var buffer = new MemoryStream();
        using (var armor = new ArmoredOutputStream(buffer))
        {
            SecretKey.PublicKey.Encode(armor);
        }
        return buffer.ToArray();
    }

    private static PgpSecretKey Load(string path)
    {
        OwnerOnlyFile.EnsureOwnerOnly(path);
        using var file = File.OpenRead(path);
        using var input = PgpUtilities.GetDecoderStream(file);
        return new PgpSecretKeyRingBundle(input).GetKeyRings().Cast<PgpSecretKeyRing>().First().GetSecretKey();
    }

    private static PgpSecretKey Create(string path, string userId, TimeProvider clock)
    {
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        var pair = new PgpKeyPair(PublicKeyAlgorithmTag.EdDsa_Legacy, generator.GenerateKeyPair(), clock.GetUtcNow().UtcDateTime);
        var usage = new PgpSignatureSubpacketGenerator();
        usage.SetKeyFlags(false, PgpKeyFlags.CanSign | PgpKeyFlags.CanCertify);
        var rings = new PgpKeyRingGenerator(PgpSignature.PositiveCertification, pair, userId, SymmetricKeyAlgorithmTag.Null,
            passPhrase: null, useSha1: false, usage.Generate(), null, new SecureRandom());
        var secret = rings.GenerateSecretKeyRing();

        OwnerOnlyFile.Create(path, file =>
        {
            using var armor = new ArmoredOutputStream(file);
            secret.Encode(armor);
        });
        return secret.GetSecretKey();
    }

    /// <summary>A detached, ASCII-armoured signature over the bytes, made at the given time.</summary>
    public byte[] Sign(byte[] data, DateTimeOffset at)
    {
        var key = SecretKey;
        var signer = new PgpSignatureGenerator(key.PublicKey.Algorithm, HashAlgorithmTag.Sha512);
        signer.InitSign(PgpSignature.BinaryDocument, key.ExtractPrivateKey(null));
        var packets = new PgpSignatureSubpacketGenerator();
        var keyCreated = new DateTimeOffset(key.PublicKey.CreationTime, TimeSpan.Zero);
        packets.SetSignatureCreationTime(false, (at < keyCreated ? keyCreated : at).UtcDateTime);
        packets.SetIssuerFingerprint(false, key);
        signer.SetHashedSubpackets(packets.Generate());
        signer.Update(data);
        using var buffer = new MemoryStream();
        using (var armor = new ArmoredOutputStream(buffer))
        {
            signer.Generate().Encode(armor);
        }
        return buffer.ToArray();
    }

    public static string Text(byte[] armored) => Encoding.ASCII.GetString(armored);
}
