using System.Globalization;
using System.Text;

namespace Vigil.Server.Features.Notes;

/// <summary>
/// What a reader typed, as full-text queries for SQLite FTS5 and PostgreSQL: each whitespace-separated term is a
/// phrase of its words (split at anything but letters, digits and combining marks, as both indexes split the notes),
/// the last word of a term matching as a prefix, and every term must match. "CVE-2019-3568" is the phrase cve 2019
/// 3568, so a CVE id is found as it is written. Words carry no quote or operator, so nothing typed is query syntax.
/// </summary>
public sealed class NoteSearchTerms
{
    private readonly IReadOnlyList<IReadOnlyList<string>> _terms;

    private NoteSearchTerms(IReadOnlyList<IReadOnlyList<string>> terms) => _terms = terms;

    /// <summary>The terms of <paramref name="text"/>; null when it holds no word to look for.</summary>
    public static NoteSearchTerms? From(string? text)
    {
        var terms = (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Words).Where(w => w.Count > 0).ToList();
        return terms.Count == 0 ? null : new NoteSearchTerms(terms);
    }

    /// <summary>An FTS5 query: <c>"cve 2019 3568"* AND "upgrade"*</c>.</summary>
    public string ToFts5() => string.Join(" AND ", _terms.Select(words => $"\"{string.Join(' ', words)}\"*"));

    /// <summary>The same terms as an FTS5 query in which every word must appear, in any order: <c>"whatsapp"* AND "android"*</c>.</summary>
    public string ToFts5AllWords() => string.Join(" AND ", _terms.SelectMany(words => words).Select(word => $"\"{word}\"*"));

    /// <summary>A PostgreSQL tsquery: <c>'cve' &lt;-&gt; '2019' &lt;-&gt; '3568':* &amp; 'upgrade':*</c>.</summary>
    public string ToTsQuery() => string.Join(" & ", _terms.Select(words => string.Join(" <-> ", words.Select(w => $"'{w}'")) + ":*"));

    /// <summary>The same terms as a tsquery in which every word must appear, in any order.</summary>
    public string ToTsQueryAllWords() => string.Join(" & ", _terms.SelectMany(words => words).Select(word => $"'{word}':*"));

    private static List<string> Words(string term)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var rune in term.EnumerateRunes())
        {
            if (IsWordPart(rune))
            {
                word.Append(rune.ToString().ToLowerInvariant());
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }
        return words;
    }

    private static bool IsWordPart(Rune rune) => Rune.GetUnicodeCategory(rune) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
        or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
        or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
        or UnicodeCategory.EnclosingMark;
}
