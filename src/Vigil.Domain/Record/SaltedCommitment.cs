using System.Security.Cryptography;
using System.Text;

namespace Vigil.Domain.Record;

/// <summary>
/// The hash every leaf of the log commits with: SHA-256( domain || 0x00 || salt[32] || canonical document ).
/// The domain keeps a commitment to one kind of record from ever matching another kind's.
/// </summary>
public static class SaltedCommitment
{
    public const int SaltLength = 32;

    public static byte[] NewSalt() => RandomNumberGenerator.GetBytes(SaltLength);

    public static byte[] Hash(string domain, ReadOnlySpan<byte> salt, string canonicalDocument)
    {
        if (salt.Length != SaltLength)
        {
            throw new ArgumentException($"The salt must be {SaltLength} bytes.", nameof(salt));
        }
        var document = Encoding.UTF8.GetBytes(canonicalDocument);
        var domainBytes = Encoding.UTF8.GetBytes(domain);
        var input = new byte[domainBytes.Length + 1 + salt.Length + document.Length];
        domainBytes.CopyTo(input, 0);
        salt.CopyTo(input.AsSpan(domainBytes.Length + 1));
        document.CopyTo(input, domainBytes.Length + 1 + salt.Length);
        return SHA256.HashData(input);
    }
}
