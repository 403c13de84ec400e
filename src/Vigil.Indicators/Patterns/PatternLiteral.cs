namespace Vigil.Indicators.Patterns;

/// <summary>A literal value in a pattern.</summary>
/// <param name="Kind">Which kind of literal it is.</param>
/// <param name="Value">
/// The value: for strings, unescaped; for binary, hex and timestamp literals, the text between the quotes;
/// for numbers and booleans, as written.
/// </param>
public sealed record PatternLiteral(LiteralKind Kind, string Value);

/// <summary>Kinds of literal in the STIX pattern grammar.</summary>
public enum LiteralKind
{
    /// <summary><c>'text'</c>.</summary>
    String,

    /// <summary>An integer such as <c>42</c> or <c>-1</c>.</summary>
    Integer,

    /// <summary>A decimal number such as <c>1.5</c>.</summary>
    Float,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary><c>b'base64'</c>.</summary>
    Binary,

    /// <summary><c>h'hex'</c>.</summary>
    Hex,

    /// <summary><c>t'2016-01-01T00:00:00Z'</c>.</summary>
    Timestamp,
}
