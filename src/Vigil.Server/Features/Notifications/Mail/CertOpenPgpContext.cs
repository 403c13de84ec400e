using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Bcpg.OpenPgp;

namespace Vigil.Server.Features.Notifications.Mail;

/// <summary>
/// MimeKit's OpenPGP machinery (PGP/MIME, RFC 3156) over keys Vigil hands it in memory: the CERT's signing key
/// (stored without a passphrase, protected as an owner-only file) and the public keys a signature is checked
/// with. Recipients' keys are passed to each encryption, never looked up by address; no key ring is read from disk.
/// </summary>
public sealed class CertOpenPgpContext : OpenPgpContext
{
    private readonly Dictionary<long, PgpSecretKey> _secretKeys = [];
    private readonly List<PgpPublicKeyRing> _publicRings = [];
    private readonly PgpSecretKey? _signingKey;

    public CertOpenPgpContext(PgpSecretKey? signingKey = null, params PgpPublicKeyRing[] publicRings)
    {
        if (signingKey is not null)
        {
            _signingKey = signingKey;
            _secretKeys[signingKey.KeyId] = signingKey;
            _publicRings.Add(new PgpPublicKeyRing(signingKey.PublicKey.GetEncoded()));
        }
        _publicRings.AddRange(publicRings);
    }

    protected override string GetPasswordForKey(PgpSecretKey key) => "";

    public override bool CanSign(MailboxAddress signer, CancellationToken cancellationToken = default) => _signingKey is not null;

    public override bool CanEncrypt(MailboxAddress mailbox, CancellationToken cancellationToken = default) => false;

    public override PgpSecretKey GetSigningKey(MailboxAddress mailbox, CancellationToken cancellationToken = default) =>
        _signingKey ?? throw new PrivateKeyNotFoundException(mailbox, "No signing key is configured.");

    protected override PgpSecretKey GetSecretKey(long keyId, CancellationToken cancellationToken = default) =>
        _secretKeys.GetValueOrDefault(keyId) ?? throw new PrivateKeyNotFoundException(keyId.ToString("X16", System.Globalization.CultureInfo.InvariantCulture), "No such secret key.");

    protected override PgpPublicKeyRing? GetPublicKeyRing(long keyId, CancellationToken cancellationToken) =>
        _publicRings.FirstOrDefault(ring => ring.GetPublicKey(keyId) is not null);

    protected override Task<PgpPublicKeyRing?> GetPublicKeyRingAsync(long keyId, CancellationToken cancellationToken) =>
        Task.FromResult(GetPublicKeyRing(keyId, cancellationToken));

    public override IList<PgpPublicKey> GetPublicKeys(IEnumerable<MailboxAddress> mailboxes, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Recipients' keys are passed with each encryption.");

    public override void Import(PgpPublicKeyRing keyring, CancellationToken cancellationToken = default) => _publicRings.Add(keyring);

    public override void Import(PgpPublicKeyRingBundle bundle, CancellationToken cancellationToken = default) =>
        _publicRings.AddRange(bundle.GetKeyRings().Cast<PgpPublicKeyRing>());

    public override void Import(PgpSecretKeyRing keyring, CancellationToken cancellationToken = default)
    {
        foreach (var key in keyring.GetSecretKeys())
        {
            _secretKeys[key.KeyId] = key;
        }
    }

    public override void Import(PgpSecretKeyRingBundle bundle, CancellationToken cancellationToken = default)
    {
        foreach (PgpSecretKeyRing ring in bundle.GetKeyRings())
        {
            Import(ring, cancellationToken);
        }
    }

    public override MimePart Export(IEnumerable<MailboxAddress> mailboxes, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public override Task<MimePart> ExportAsync(IEnumerable<MailboxAddress> mailboxes, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public override void Export(IEnumerable<MailboxAddress> mailboxes, Stream stream, bool armor, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public override Task ExportAsync(IEnumerable<MailboxAddress> mailboxes, Stream stream, bool armor, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();
}
