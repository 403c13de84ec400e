namespace Vigil.Indicators.Patterns;

/// <summary>Parses a comparison operator and the literal or set it takes, as the grammar pairs them.</summary>
internal static class LiteralParser
{
    public static (ComparisonOperator Operator, IReadOnlyList<PatternLiteral> Values) OperatorAndOperand(PatternParser parser)
    {
        var token = parser.Current;
        if (token.Kind == TokenKind.Operator)
        {
            parser.Take();
            var op = token.Text switch
            {
                "=" or "==" => ComparisonOperator.Equal,
                "!=" or "<>" => ComparisonOperator.NotEqual,
                ">" => ComparisonOperator.GreaterThan,
                "<" => ComparisonOperator.LessThan,
                ">=" => ComparisonOperator.GreaterOrEqual,
                _ => ComparisonOperator.LessOrEqual,
            };
            var orderable = op is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual);
            return (op, [Literal(parser, allowBoolean: !orderable)]);
        }
        if (parser.Accept(TokenKind.Keyword, "IN")) { return (ComparisonOperator.In, Set(parser)); }
        ComparisonOperator? stringOperator = token.Kind != TokenKind.Keyword ? null : token.Text switch
        {
            "LIKE" => ComparisonOperator.Like,
            "MATCHES" => ComparisonOperator.Matches,
            "ISSUBSET" => ComparisonOperator.IsSubset,
            "ISSUPERSET" => ComparisonOperator.IsSuperset,
            _ => null,
        };
        if (stringOperator is not { } stringOp) { throw parser.Unexpected("a comparison operator"); }
        parser.Take();
        var value = parser.Expect(TokenKind.String, "a string literal");
        return (stringOp, [new PatternLiteral(LiteralKind.String, value.Text)]);
    }

    private static List<PatternLiteral> Set(PatternParser parser)
    {
        parser.Expect(TokenKind.LeftParen, "'('");
        var values = new List<PatternLiteral>();
        if (parser.Accept(TokenKind.RightParen)) { return values; }
        do
        {
            values.Add(Literal(parser, allowBoolean: true));
        }
        while (parser.Accept(TokenKind.Comma));
        parser.Expect(TokenKind.RightParen, "')' or ','");
        return values;
    }

    private static PatternLiteral Literal(PatternParser parser, bool allowBoolean)
    {
        var token = parser.Current;
        LiteralKind? kind = token.Kind switch
        {
            TokenKind.String => LiteralKind.String,
            TokenKind.Integer => LiteralKind.Integer,
            TokenKind.Float => LiteralKind.Float,
            TokenKind.Binary => LiteralKind.Binary,
            TokenKind.Hex => LiteralKind.Hex,
            TokenKind.Timestamp => LiteralKind.Timestamp,
            TokenKind.Boolean when allowBoolean => LiteralKind.Boolean,
            _ => null,
        };
        if (kind is not { } literalKind) { throw parser.Unexpected(allowBoolean ? "a literal" : "an orderable literal"); }
        parser.Take();
        return new PatternLiteral(literalKind, token.Text);
    }
}
