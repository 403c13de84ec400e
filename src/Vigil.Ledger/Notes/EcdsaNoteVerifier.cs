using System.Security.Cryptography;

namespace Vigil.Ledger.Notes;

/// <summary>
/// Verifies ECDSA P-256 note signatures (signature type 0x02, as transparency-dev/witness and Sigstore's
/// Rekor sign checkpoints): an ASN.1 DER signature over SHA-256 of the note text. The key ID is the first
/// four bytes of SHA-256 of the key's DER SubjectPublicKeyInfo. Signed-note defines no verifier key string
/// for this type, so it is built from the name and the SubjectPublicKeyInfo.
/// </summary>
public sealed class EcdsaNoteVerifier : NoteVerifier
{
    private readonly byte[] _subjectPublicKeyInfo;

    /// <summary>A verifier for the P-256 key in DER <paramref name="subjectPublicKeyInfo"/> under <paramref name="name"/>.</summary>
    public EcdsaNoteVerifier(string name, ReadOnlySpan<byte> subjectPublicKeyInfo)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!NoteText.IsValidName(name))
        {
            throw new FormatException("A key name must be non-empty, without spaces or '+'.");
        }

        using (var key = Import(subjectPublicKeyInfo))
        {
            if (key.KeySize != 256)
            {
                throw new FormatException("Only ECDSA P-256 keys are supported.");
            }
        }

        Name = name;
        _subjectPublicKeyInfo = subjectPublicKeyInfo.ToArray();
        KeyId = NoteKeyId.ComputeForSubjectPublicKeyInfo(_subjectPublicKeyInfo);
    }

    /// <inheritdoc/>
    public override string Name { get; }

    /// <inheritdoc/>
    public override uint KeyId { get; }

    /// <inheritdoc/>
    public override bool Verify(ReadOnlySpan<byte> text, ReadOnlySpan<byte> signature)
    {
        using var key = Import(_subjectPublicKeyInfo);
        try
        {
            return key.VerifyData(text, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static ECDsa Import(ReadOnlySpan<byte> subjectPublicKeyInfo)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out var read);
            if (read != subjectPublicKeyInfo.Length)
            {
                throw new FormatException("Trailing bytes after the SubjectPublicKeyInfo.");
            }

            return key;
        }
        catch (CryptographicException e)
        {
            key.Dispose();
            throw new FormatException("Not an ECDSA SubjectPublicKeyInfo.", e);
        }
        catch (FormatException)
        {
            key.Dispose();
            throw;
        }
    }
}
