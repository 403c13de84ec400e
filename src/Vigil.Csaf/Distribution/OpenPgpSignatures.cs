using Org.BouncyCastle.Bcpg.OpenPgp;

namespace Vigil.Csaf.Distribution;

/// <summary>
/// Checks a document's detached OpenPGP signature (CSAF requirement 19) against the public keys a provider publishes
/// (requirement 20). A key published with a fingerprint must have that fingerprint.
/// </summary>
public static class OpenPgpSignatures
{
    /// <summary>Reads an armoured (or binary) public key and every subkey in it.</summary>
    /// <param name="key">The key file's bytes.</param>
    /// <param name="fingerprint">The fingerprint the provider's metadata gives for it (hex, spaces ignored), or null.</param>
    /// <returns>The public keys of the key ring.</returns>
    /// <exception cref="CsafDistributionException">Not an OpenPGP public key, or its fingerprint is not the one given.</exception>
    public static IReadOnlyList<PgpPublicKey> ReadKey(byte[] key, string? fingerprint)
    {
        PgpPublicKeyRing ring;
        try
        {
            using var input = PgpUtilities.GetDecoderStream(new MemoryStream(key));
            ring = new PgpPublicKeyRingBundle(input).GetKeyRings().FirstOrDefault()
                ?? throw new CsafDistributionException("the key file holds no OpenPGP public key");
        }
        catch (Exception e) when (e is PgpException or IOException or ArgumentException)
        {
            throw new CsafDistributionException($"the key file is not an OpenPGP public key: {e.Message}");
        }
        var keys = ring.GetPublicKeys().ToList();
        var actual = Convert.ToHexString(keys[0].GetFingerprint());
        if (fingerprint is not null)
        {
            var expected = string.Concat(fingerprint.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
            if (expected != actual)
            {
                throw new CsafDistributionException($"the key's fingerprint is {actual}, not {expected} as the provider's metadata says");
            }
        }
        return keys;
    }

    /// <summary>Whether <paramref name="signature"/> is a valid signature over <paramref name="document"/> by one of <paramref name="keys"/>.</summary>
    /// <param name="document">The document's bytes, exactly as served.</param>
    /// <param name="signature">The .asc file's bytes.</param>
    /// <param name="keys">The provider's public keys.</param>
    /// <returns>Valid, or why not: a bad signature, one by a key not given, or one that could not be checked.</returns>
    public static SignatureCheck Check(byte[] document, byte[] signature, IReadOnlyList<PgpPublicKey> keys)
    {
        List<PgpSignature> signatures;
        try
        {
            using var input = PgpUtilities.GetDecoderStream(new MemoryStream(signature));
            signatures = [.. ReadSignatures(new PgpObjectFactory(input))];
        }
        catch (Exception e) when (e is PgpException or IOException or ArgumentException or InvalidCastException)
        {
            return new(SignatureStatus.Bad, $"the .asc file is not an OpenPGP signature: {e.Message}");
        }
        if (signatures.Count == 0)
        {
            return new(SignatureStatus.Bad, "the .asc file holds no OpenPGP signature");
        }
        foreach (var candidate in signatures)
        {
            var key = keys.FirstOrDefault(k => k.KeyId == candidate.KeyId);
            if (key is null)
            {
                continue;
            }
            try
            {
                candidate.InitVerify(key);
                candidate.Update(document);
                return candidate.Verify()
                    ? SignatureCheck.Valid
                    : new(SignatureStatus.Bad, $"the OpenPGP signature by key {candidate.KeyId:X16} does not match the document");
            }
            catch (PgpException e)
            {
                return new(SignatureStatus.Unchecked, $"the OpenPGP signature by key {candidate.KeyId:X16} cannot be checked: {e.Message}");
            }
        }
        return new(SignatureStatus.UnknownKey, $"the document is signed by key {signatures[0].KeyId:X16}, which is not one of the provider's published keys");
    }

    private static IEnumerable<PgpSignature> ReadSignatures(PgpObjectFactory factory)
    {
        for (var item = factory.NextPgpObject(); item is not null; item = factory.NextPgpObject())
        {
            if (item is PgpSignatureList list)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    yield return list[i];
                }
            }
        }
    }
}
