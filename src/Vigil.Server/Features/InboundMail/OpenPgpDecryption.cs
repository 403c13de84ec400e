using Org.BouncyCastle.Bcpg.OpenPgp;

namespace Vigil.Server.Features.InboundMail;

/// <summary>
/// Opens an OpenPGP message encrypted to the incident address's key (binary or ASCII-armoured): its literal data, and
/// whether it was signed inside. A message that is not for this key, is damaged, or fails its integrity check opens to
/// nothing; the caller keeps the encrypted bytes either way.
/// </summary>
public static class OpenPgpDecryption
{
    public sealed record Opened(byte[] Plaintext, bool Signed);

    public static Opened? TryOpen(byte[] encrypted, InboundMailKey key)
    {
        try
        {
            using var input = PgpUtilities.GetDecoderStream(new MemoryStream(encrypted));
            var objects = new PgpObjectFactory(input);
            var list = objects.NextPgpObject() switch
            {
                PgpEncryptedDataList l => l,
                PgpMarker => objects.NextPgpObject() as PgpEncryptedDataList,
                _ => null,
            };
            foreach (var data in list?.GetEncryptedDataObjects().OfType<PgpPublicKeyEncryptedData>() ?? [])
            {
                if (key.PrivateKeyFor(data.KeyId) is not { } privateKey)
                {
                    continue;
                }
                using var clear = data.GetDataStream(privateKey);
                var opened = ReadLiteral(new PgpObjectFactory(clear), signed: false);
                // Modification detection: a message whose integrity does not check opens to nothing.
                return opened is not null && (!data.IsIntegrityProtected() || data.Verify()) ? opened : null;
            }
            return null;
        }
        catch (Exception e) when (e is PgpException or IOException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    private static Opened? ReadLiteral(PgpObjectFactory objects, bool signed)
    {
        for (var item = objects.NextPgpObject(); item is not null; item = objects.NextPgpObject())
        {
            switch (item)
            {
                case PgpCompressedData compressed:
                    return ReadLiteral(new PgpObjectFactory(compressed.GetDataStream()), signed);
                case PgpOnePassSignatureList or PgpSignatureList:
                    signed = true;
                    continue;
                case PgpLiteralData literal:
                    using (var buffer = new MemoryStream())
                    {
                        literal.GetDataStream().CopyTo(buffer);
                        return new Opened(buffer.ToArray(), signed);
                    }
            }
        }
        return null;
    }
}
