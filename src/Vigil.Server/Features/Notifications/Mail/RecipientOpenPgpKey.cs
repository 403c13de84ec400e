using System.Text;
using Org.BouncyCastle.Bcpg.OpenPgp;

namespace Vigil.Server.Features.Notifications.Mail;

/// <summary>
/// A recipient's OpenPGP public key as registered (ASCII armour): one key ring whose primary key is neither revoked
/// nor expired, with a key that may encrypt (a subkey, usually). Checked when registered and again before each
/// encryption, since a key that was valid then may have expired since.
/// </summary>
public sealed record RecipientOpenPgpKey(PgpPublicKeyRing Ring, PgpPublicKey EncryptionKey)
{
    /// <summary>Armour is a few kilobytes; a key with many signatures on it rarely passes 64 KiB.</summary>
    public const int MaxLength = 64 * 1024;

    public string Fingerprint => Convert.ToHexString(Ring.GetPublicKey().GetFingerprint());

    /// <summary>The key, or why it cannot be used (a sentence for the problem's detail).</summary>
    public static (RecipientOpenPgpKey? Key, string? Error) Read(string armored, DateTimeOffset now)
    {
        if (armored.Length > MaxLength)
        {
            return (null, $"must be at most {MaxLength} characters");
        }
        if (!armored.Contains("-----BEGIN PGP PUBLIC KEY BLOCK-----", StringComparison.Ordinal))
        {
            return (null, "must be an ASCII-armoured OpenPGP public key (-----BEGIN PGP PUBLIC KEY BLOCK-----); never send a secret key");
        }
        PgpPublicKeyRing[] rings;
        try
        {
            using var input = PgpUtilities.GetDecoderStream(new MemoryStream(Encoding.ASCII.GetBytes(armored)));
            rings = [.. new PgpPublicKeyRingBundle(input).GetKeyRings().Cast<PgpPublicKeyRing>()];
        }
        catch (Exception e) when (e is PgpException or IOException or ArgumentException)
        {
            return (null, "is not an OpenPGP public key that can be read");
        }
        if (rings.Length == 0)
        {
            return (null, "is not an OpenPGP public key that can be read");
        }
        if (rings.Length != 1)
        {
            return (null, $"must hold exactly one key (it holds {rings.Length})");
        }
        var primary = rings[0].GetPublicKey();
        if (primary.HasRevocation())
        {
            return (null, "is revoked");
        }
        if (!Usable(primary, now))
        {
            return (null, "has expired");
        }
        var encryption = rings[0].GetPublicKeys().Cast<PgpPublicKey>().Where(k => k.IsEncryptionKey && !k.HasRevocation() && Usable(k, now))
            .OrderBy(k => k.IsMasterKey).FirstOrDefault();
        return encryption is null ? (null, "has no key that may encrypt and has not expired") : (new RecipientOpenPgpKey(rings[0], encryption), null);
    }

    private static bool Usable(PgpPublicKey key, DateTimeOffset now)
    {
        var seconds = key.GetValidSeconds();
        return seconds == 0 || new DateTimeOffset(key.CreationTime, TimeSpan.Zero).AddSeconds(seconds) > now;
    }
}
