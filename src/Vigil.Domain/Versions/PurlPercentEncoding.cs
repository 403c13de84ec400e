using System.Globalization;
using System.Text;

namespace Vigil.Domain.Versions;

/// <summary>
/// Percent-encoding of purl components (purl specification, "Character encoding"): UTF-8 first, then every byte
/// outside the alphanumerics, <c>.-_~</c> and the colon becomes an upper-case <c>%XX</c> triplet.
/// </summary>
internal static class PurlPercentEncoding
{
    public static string Encode(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            _ = b < 0x80 && (char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '~' or ':')
                ? builder.Append(c)
                : builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    /// <summary>Decodes triplets to UTF-8 text; null when a <c>%</c> does not start a valid triplet.</summary>
    public static string? Decode(string text)
    {
        if (!text.Contains('%', StringComparison.Ordinal))
        {
            return text;
        }

        var bytes = new List<byte>(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] != '%')
            {
                // A run of literal characters at once, so surrogate pairs stay together.
                var next = text.IndexOf('%', i);
                var end = next < 0 ? text.Length : next;
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i..end]));
                i = end;
                continue;
            }

            if (i + 2 >= text.Length || !char.IsAsciiHexDigit(text[i + 1]) || !char.IsAsciiHexDigit(text[i + 2]))
            {
                return null;
            }

            bytes.Add(byte.Parse(text.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            i += 3;
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }
}
