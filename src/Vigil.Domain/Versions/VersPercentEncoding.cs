using System.Globalization;
using System.Text;

namespace Vigil.Domain.Versions;

/// <summary>
/// Percent-encoding of versions in <c>vers</c> strings (clause 5.3.3.2): exactly the characters that would be read
/// as syntax (<c>&gt; &lt; = ! * | %</c>) and the space are encoded, with upper-case hex. Anything else encoded is
/// refused, so that one range has one spelling.
/// </summary>
internal static class VersPercentEncoding
{
    private const string Reserved = "><=!*|% ";

    public static string Encode(string version)
    {
        var builder = new StringBuilder(version.Length);
        foreach (var c in version)
        {
            _ = Reserved.Contains(c, StringComparison.Ordinal)
                ? builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture))
                : builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Decodes once; null and a reason when a triplet is malformed, lower-case or needless.</summary>
    public static string? Decode(string text, out string? problem)
    {
        problem = null;
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '%')
            {
                builder.Append(text[i]);
                continue;
            }

            var hex = i + 2 < text.Length ? text.Substring(i + 1, 2) : "";
            if (hex.Length != 2 || !hex.All(char.IsAsciiHexDigitUpper))
            {
                problem = $"\"%{hex}\" in \"{text}\" is not a percent-encoded triplet with upper-case hex digits.";
                return null;
            }

            var decoded = (char)int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (!Reserved.Contains(decoded, StringComparison.Ordinal))
            {
                problem = $"\"%{hex}\" in \"{text}\" encodes a character that must be written as itself.";
                return null;
            }

            builder.Append(decoded);
            i += 2;
        }

        return builder.ToString();
    }
}
