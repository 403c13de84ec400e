using Microsoft.Extensions.Options;
using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
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

    public InboundMailKey(IOptions<InboundMailOptions> options, IOptions<StorageOptions> storage, TimeProvider clock) =>
        _rings = OwnerOnlyKeyFile.OpenPgp(options.Value.OpenPgpKeyFile ?? Path.Combine(storage.Value.DataDirectory, "inbound-mail-openpgp.key"),
            UserId, encryptionSubkey: true, clock);

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
}
