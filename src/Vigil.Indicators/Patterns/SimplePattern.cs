namespace Vigil.Indicators.Patterns;

/// <summary>
/// Recognises the shape almost every published indicator has, one equality in one observation
/// (<c>[domain-name:value = 'evil.com']</c>), and builds its syntax tree without the lexer: loading a hundred
/// thousand indicators spends most of its parsing time on exactly this. Anything else, or anything this reader is
/// not certain the grammar reads the same way (escapes, comments, quoted keys, keywords), is left to
/// <see cref="PatternParser"/>, which gives the same tree for every text accepted here.
/// </summary>
internal static class SimplePattern
{
    public static ObservationExpression? TryParse(string pattern)
    {
        var text = pattern.AsSpan();
        var i = Spaces(text, 0);
        if (i >= text.Length || text[i] != '[') { return null; }
        i = Spaces(text, i + 1);
        if (Word(text, i, allowHyphen: true) is not { } type) { return null; }
        i += type.Length;
        if (i >= text.Length || text[i] != ':') { return null; }
        var steps = new List<PathStep>(2);
        do
        {
            i++;
            if (Word(text, i, allowHyphen: false) is not { } key) { return null; }
            steps.Add(new PathStep(key, IsIndex: false));
            i += key.Length;
        }
        while (i < text.Length && text[i] == '.');
        i = Spaces(text, i);
        if (i + 1 >= text.Length || text[i] != '=' || text[i + 1] == '=') { return null; }
        i = Spaces(text, i + 1);
        if (i >= text.Length || text[i] != '\'') { return null; }
        var close = text[(i + 1)..].IndexOfAny('\'', '\\');
        if (close < 0 || text[i + 1 + close] != '\'') { return null; }
        var value = text.Slice(i + 1, close).ToString();
        i = Spaces(text, i + close + 2);
        if (i >= text.Length || text[i] != ']' || Spaces(text, i + 1) != text.Length) { return null; }
        var path = new ObjectPath(type, steps);
        return new SimpleObservation(new PropertyComparison(path, ComparisonOperator.Equal, false, [new PatternLiteral(LiteralKind.String, value)]));
    }

    private static int Spaces(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && text[i] == ' ') { i++; }
        return i;
    }

    // A word as the lexer reads one, where the path parser takes it: an object type may hold hyphens, a property
    // name may not; neither may be a keyword or a boolean, which the lexer reads as something else.
    private static string? Word(ReadOnlySpan<char> text, int start, bool allowHyphen)
    {
        if (start >= text.Length || !(char.IsAsciiLetter(text[start]) || text[start] == '_')) { return null; }
        // 'b', 'h' and 't' before a quote start a literal, not a word.
        if (start + 1 < text.Length && text[start + 1] == '\'') { return null; }
        var end = start;
        var hyphen = false;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '_' or '-'))
        {
            hyphen |= text[end] == '-';
            end++;
        }
        if (hyphen && !allowHyphen) { return null; }
        var word = text[start..end].ToString();
        if (!hyphen && (PatternLexer.Keywords.Contains(word) || word is "true" or "false")) { return null; }
        return word;
    }
}
