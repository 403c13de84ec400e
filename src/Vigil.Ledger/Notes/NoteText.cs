using System.Globalization;
using System.Text;

namespace Vigil.Ledger.Notes;

/// <summary>The lexical rules of signed notes: names, allowed characters and strict base64.</summary>
internal static class NoteText
{
    /// <summary>Key names are non-empty and contain no Unicode space and no plus sign.</summary>
    public static bool IsValidName(string name) =>
        name.Length > 0 && !name.Contains('+', StringComparison.Ordinal) && IsWellFormed(name) &&
        !name.EnumerateRunes().Any(Rune.IsWhiteSpace);

    /// <summary>Valid Unicode (no lone surrogates) with no ASCII control character other than newline.</summary>
    public static bool IsAllowedNoteText(string text) =>
        IsWellFormed(text) && !text.Any(c => c < 0x20 && c != '\n');

    /// <summary>Decodes standard base64 (RFC 4648 §4) with padding, rejecting whitespace and other characters.</summary>
    public static bool TryDecodeBase64(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length % 4 != 0 || !text.All(IsBase64Char))
        {
            return false;
        }

        var buffer = new byte[text.Length / 4 * 3];
        if (!Convert.TryFromBase64String(text, buffer, out var written))
        {
            return false;
        }

        bytes = buffer[..written];
        return true;
    }

    /// <summary>A decimal with no sign, no leading zero (other than "0" itself) and within range of a long.</summary>
    public static bool TryParseCanonicalDecimal(string text, out long value)
    {
        value = 0;
        return text.Length > 0 && text.All(char.IsAsciiDigit) && (text.Length == 1 || text[0] != '0') &&
            long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return false;
            }

            i += consumed;
        }

        return true;
    }

    private static bool IsBase64Char(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=';
}
