namespace Vigil.Indicators.Patterns;

/// <summary>Parses <c>type:first(.key | [index])*</c>; only object types may contain unquoted hyphens.</summary>
internal static class ObjectPathParser
{
    public static ObjectPath Parse(PatternParser parser)
    {
        var type = parser.Current.Kind is TokenKind.Identifier or TokenKind.HyphenatedIdentifier
            ? parser.Take().Text : throw parser.Unexpected("an object type");
        parser.Expect(TokenKind.Colon, "':'");
        var steps = new List<PathStep> { Key(parser) };
        while (true)
        {
            if (parser.Accept(TokenKind.Dot))
            {
                steps.Add(Key(parser));
            }
            else if (parser.Accept(TokenKind.LeftBracket))
            {
                var index = parser.Current.Kind is TokenKind.Integer or TokenKind.Asterisk
                    ? parser.Take().Text : throw parser.Unexpected("a list index or '*'");
                parser.Expect(TokenKind.RightBracket, "']'");
                steps.Add(new PathStep(index, IsIndex: true));
            }
            else
            {
                return new ObjectPath(type, steps);
            }
        }
    }

    private static PathStep Key(PatternParser parser) =>
        parser.Current.Kind is TokenKind.Identifier or TokenKind.String
            ? new PathStep(parser.Take().Text, IsIndex: false)
            : throw parser.Unexpected("a property name");
}
