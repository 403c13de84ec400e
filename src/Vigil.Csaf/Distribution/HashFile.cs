using System.Text;

namespace Vigil.Csaf.Distribution;

/// <summary>Reads a .sha256 or .sha512 file (CSAF requirement 18): the hex digest first, as sha256sum writes it.</summary>
public static class HashFile
{
    /// <summary>The digest in lower-case hex.</summary>
    /// <param name="content">The file's bytes.</param>
    /// <param name="hexLength">64 for SHA-256, 128 for SHA-512.</param>
    /// <returns>The digest.</returns>
    /// <exception cref="CsafDistributionException">The file does not start with a hex digest of that length.</exception>
    public static string Read(byte[] content, int hexLength)
    {
        var text = Encoding.UTF8.GetString(content).TrimStart('\uFEFF').Trim();
        var first = text.Split([' ', '\t', '\n', '\r'], 2)[0];
        if (first.Length != hexLength || !first.All(Uri.IsHexDigit))
        {
            throw new CsafDistributionException($"the hash file does not start with a {hexLength}-digit hex digest");
        }
        return first.ToLowerInvariant();
    }
}
