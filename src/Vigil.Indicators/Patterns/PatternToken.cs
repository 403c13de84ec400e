namespace Vigil.Indicators.Patterns;

/// <summary>Token kinds of the STIX pattern lexer; keywords are kept apart from identifiers.</summary>
internal enum TokenKind
{
    End,
    Identifier,
    HyphenatedIdentifier,
    Keyword,
    String,
    Integer,
    Float,
    Binary,
    Hex,
    Timestamp,
    Boolean,
    Operator,
    Colon,
    Dot,
    Comma,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Asterisk,
}

/// <summary>One token: its kind, its value (strings already unescaped) and where it starts.</summary>
internal readonly record struct PatternToken(TokenKind Kind, string Text, int Position)
{
    public bool Is(TokenKind kind, string text) => Kind == kind && Text == text;
}
