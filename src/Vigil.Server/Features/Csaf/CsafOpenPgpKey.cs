using System.Text;
using Microsoft.Extensions.Options;
using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Server.Features.Csaf;

/// <summary>
/// The OpenPGP key that signs CSAF documents (CSAF requirement 19): an Ed25519 key Vigil generates on first use in
/// {DataDirectory}/csaf-openpgp.key (owner-only), or loads from Csaf:OpenPgpKeyFile. The public key is published
/// (requirement 20) and named in provider-metadata.json by its fingerprint.
/// </summary>
public sealed class CsafOpenPgpKey
{
    private readonly Lazy<PgpSecretKeyRingBundle> _rings;

    public CsafOpenPgpKey(IOptions<CsafOptions> options, IOptions<StorageOptions> storage, TimeProvider clock) =>
        _rings = OwnerOnlyKeyFile.OpenPgp(options.Value.OpenPgpKeyFile ?? Path.Combine(storage.Value.DataDirectory, "csaf-openpgp.key"),
            options.Value.OpenPgpUserId, encryptionSubkey: false, clock);

    public PgpSecretKey SecretKey => _rings.Value.GetKeyRings().Cast<PgpSecretKeyRing>().First().GetSecretKey();

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
