using System.Text;
using System.Text.RegularExpressions;

namespace Vigil.Indicators.Patterns;

/// <summary>Splits pattern text into tokens following the lexer rules of the normative STIXPattern grammar.</summary>
internal static partial class PatternLexer
{
    internal static readonly HashSet<string> Keywords =
    [
        "AND", "OR", "NOT", "FOLLOWEDBY", "LIKE", "MATCHES", "ISSUPERSET", "ISSUBSET", "EXISTS", "LAST", "IN",
        "START", "STOP", "SECONDS", "WITHIN", "REPEATS", "TIMES",
    ];

    // The grammar's timestamp rule, between the quotes: month 01-12, day 01-31, hour 00-23, second up to 60.
    [GeneratedRegex(@"\A[0-9]{4}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?Z\z")]
    private static partial Regex TimestampShape();

    [GeneratedRegex(@"\A([0-9A-Fa-f]{2})*\z")]
    private static partial Regex HexShape();

    [GeneratedRegex(@"\A([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{4}|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2}==)\z")]
    private static partial Regex Base64Shape();

    public static List<PatternToken> Tokenize(string text)
    {
        var tokens = new List<PatternToken>();
        var i = 0;
        while (true)
        {
            i = SkipTrivia(text, i);
            if (i >= text.Length)
            {
                tokens.Add(new PatternToken(TokenKind.End, "", i));
                return tokens;
            }
            var token = Next(text, i);
            tokens.Add(token.Token);
            i = token.End;
        }
    }

    private static int SkipTrivia(string text, int i)
    {
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i])) { i++; }
            else if (text.AsSpan(i).StartsWith("/*"))
            {
                var close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (close < 0) { throw new PatternSyntaxException("unterminated comment", i); }
                i = close + 2;
            }
            else if (text.AsSpan(i).StartsWith("//"))
            {
                while (i < text.Length && text[i] is not ('\r' or '\n')) { i++; }
            }
            else { break; }
        }
        return i;
    }

    private static (PatternToken Token, int End) Next(string text, int start)
    {
        var c = text[start];
        if (c is 't' or 'h' or 'b' && start + 1 < text.Length && text[start + 1] == '\'')
        {
            return PrefixedLiteral(text, start);
        }
        if (c == '\'')
        {
            var (value, end) = ReadString(text, start);
            return (new PatternToken(TokenKind.String, value, start), end);
        }
        if (char.IsAsciiLetter(c) || c == '_') { return Word(text, start); }
        if (char.IsAsciiDigit(c) || (c is '+' or '-' or '.' && start + 1 < text.Length && (char.IsAsciiDigit(text[start + 1]) || text[start + 1] == '.')))
        {
            return Number(text, start);
        }
        return Punctuation(text, start);
    }

    private static (PatternToken, int) Word(string text, int start)
    {
        var end = start;
        var hyphen = false;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '_' or '-'))
        {
            hyphen |= text[end] == '-';
            end++;
        }
        var word = text[start..end];
        var kind = hyphen ? TokenKind.HyphenatedIdentifier
            : Keywords.Contains(word) ? TokenKind.Keyword
            : word is "true" or "false" ? TokenKind.Boolean
            : TokenKind.Identifier;
        return (new PatternToken(kind, word, start), end);
    }

    private static (PatternToken, int) Number(string text, int start)
    {
        var end = start;
        if (text[end] is '+' or '-') { end++; }
        while (end < text.Length && char.IsAsciiDigit(text[end])) { end++; }
        var isFloat = end < text.Length && text[end] == '.';
        if (isFloat)
        {
            end++;
            var digits = end;
            while (end < text.Length && char.IsAsciiDigit(text[end])) { end++; }
            if (end == digits) { throw new PatternSyntaxException("a decimal point must be followed by digits", start); }
        }
        var literal = text[start..end];
        var unsigned = literal.TrimStart('+', '-');
        if (!isFloat && unsigned.Length > 1 && unsigned[0] == '0')
        {
            throw new PatternSyntaxException($"integer '{literal}' has a leading zero", start);
        }
        return (new PatternToken(isFloat ? TokenKind.Float : TokenKind.Integer, literal, start), end);
    }

    private static (PatternToken, int) PrefixedLiteral(string text, int start)
    {
        var close = text.IndexOf('\'', start + 2);
        if (close < 0) { throw new PatternSyntaxException("unterminated literal", start); }
        var body = text[(start + 2)..close];
        var (kind, valid) = text[start] switch
        {
            't' => (TokenKind.Timestamp, TimestampShape().IsMatch(body)),
            'h' => (TokenKind.Hex, HexShape().IsMatch(body)),
            _ => (TokenKind.Binary, Base64Shape().IsMatch(body)),
        };
        if (!valid) { throw new PatternSyntaxException($"malformed {kind.ToString().ToLowerInvariant()} literal '{body}'", start); }
        return (new PatternToken(kind, body, start), close + 1);
    }

    private static (string Value, int End) ReadString(string text, int start)
    {
        var value = new StringBuilder();
        for (var i = start + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'') { return (value.ToString(), i + 1); }
            if (c == '\\')
            {
                // The grammar allows exactly two escapes inside strings: \' and \\.
                if (i + 1 < text.Length && text[i + 1] is '\'' or '\\') { value.Append(text[++i]); continue; }
                throw new PatternSyntaxException("only \\' and \\\\ may be escaped in a string", i);
            }
            value.Append(c);
        }
        throw new PatternSyntaxException("unterminated string", start);
    }

    private static (PatternToken, int) Punctuation(string text, int start)
    {
        var two = start + 1 < text.Length ? text.Substring(start, 2) : "";
        if (two is "==" or "!=" or "<>" or "<=" or ">=")
        {
            return (new PatternToken(TokenKind.Operator, two, start), start + 2);
        }
        var kind = text[start] switch
        {
            '=' or '<' or '>' => TokenKind.Operator,
            ':' => TokenKind.Colon,
            '.' => TokenKind.Dot,
            ',' => TokenKind.Comma,
            '(' => TokenKind.LeftParen,
            ')' => TokenKind.RightParen,
            '[' => TokenKind.LeftBracket,
            ']' => TokenKind.RightBracket,
            '*' => TokenKind.Asterisk,
            _ => throw new PatternSyntaxException($"unexpected character '{text[start]}'", start),
        };
        return (new PatternToken(kind, text[start].ToString(), start), start + 1);
    }
}
