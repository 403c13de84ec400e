using System.Globalization;
using System.Text;

namespace Vigil.Domain.Exposure;

/// <summary>
/// Names as the last resort of matching compares them: case, accents, punctuation and spacing do not count, and
/// a vendor's legal form (Inc., Ltd, GmbH...) is dropped, so "WhatsApp, Inc." and "whatsapp" agree.
/// </summary>
public static class ProductNameKey
{
    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "inc", "incorporated", "ltd", "limited", "llc", "gmbh", "ag", "sa", "sas", "bv", "nv", "plc", "corp", "corporation", "co", "company", "oy", "ab", "srl", "spa",
    };

    /// <summary>A product's name: lower-case words of letters and digits, separated by single spaces.</summary>
    public static string Product(string name) => string.Join(' ', Words(name));

    /// <summary>A vendor's name: as <see cref="Product"/>, without a trailing legal form.</summary>
    public static string Vendor(string name)
    {
        var words = Words(name);
        while (words.Count > 1)
        {
            if (LegalForms.Contains(words[^1]))
            {
                words.RemoveAt(words.Count - 1);
            }
            else if (words.Count > 2 && words[^1].Length == 1 && words[^2].Length == 1 && LegalForms.Contains(words[^2] + words[^1]))
            {
                // Written with dots, as in "S.A." or "B.V.".
                words.RemoveRange(words.Count - 2, 2);
            }
            else
            {
                break;
            }
        }
        return string.Join(' ', words);
    }

    private static List<string> Words(string name)
    {
        var letters = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            letters.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        return [.. letters.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)];
    }
}
