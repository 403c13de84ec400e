namespace Vigil.Indicators.Patterns;

/// <summary>
/// A recursive-descent parser for the whole STIX 2.1 pattern grammar. Precedence, loosest first:
/// <c>FOLLOWEDBY</c>, <c>OR</c>, <c>AND</c> between observations; <c>OR</c>, <c>AND</c> inside brackets;
/// every binary operator is left-associative and qualifiers bind to the observation before them.
/// </summary>
public sealed class PatternParser
{
    private readonly List<PatternToken> _tokens;
    private int _next;

    private PatternParser(string pattern) => _tokens = PatternLexer.Tokenize(pattern);

    /// <summary>Parses a pattern.</summary>
    /// <param name="pattern">The pattern text, for example <c>[domain-name:value = 'evil.com']</c>.</param>
    /// <returns>The pattern's syntax tree.</returns>
    /// <exception cref="PatternSyntaxException">The text is not a valid STIX pattern.</exception>
    public static ObservationExpression Parse(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return SimplePattern.TryParse(pattern) ?? ParseFully(pattern);
    }

    /// <summary>Parses a pattern with the whole grammar, without the shortcut for single equalities.</summary>
    internal static ObservationExpression ParseFully(string pattern)
    {
        var parser = new PatternParser(pattern);
        var expression = parser.ObservationExpressions();
        parser.Expect(TokenKind.End, "end of pattern");
        return expression;
    }

    /// <summary>Parses a pattern, reporting failure instead of throwing.</summary>
    /// <param name="pattern">The pattern text.</param>
    /// <param name="expression">The syntax tree when the pattern is valid.</param>
    /// <param name="error">Why the pattern is invalid, when it is.</param>
    /// <returns>True when the pattern is valid.</returns>
    public static bool TryParse(string pattern, out ObservationExpression? expression, out PatternSyntaxException? error)
    {
        try
        {
            expression = Parse(pattern);
            error = null;
            return true;
        }
        catch (PatternSyntaxException e)
        {
            expression = null;
            error = e;
            return false;
        }
    }

    private PatternToken Peek => _tokens[_next];

    private ObservationExpression ObservationExpressions() =>
        LeftAssociative(ObservationOr, "FOLLOWEDBY", (l, r) => new CompositeObservation(ObservationOperator.FollowedBy, l, r));

    private ObservationExpression ObservationOr() =>
        LeftAssociative(ObservationAnd, "OR", (l, r) => new CompositeObservation(ObservationOperator.Or, l, r));

    private ObservationExpression ObservationAnd() =>
        LeftAssociative(QualifiedObservation, "AND", (l, r) => new CompositeObservation(ObservationOperator.And, l, r));

    private ComparisonExpression ComparisonOr() =>
        LeftAssociative(ComparisonAnd, "OR", (l, r) => new CompositeComparison(false, l, r));

    private ComparisonExpression ComparisonAnd() =>
        LeftAssociative(PropertyTest, "AND", (l, r) => new CompositeComparison(true, l, r));

    private T LeftAssociative<T>(Func<T> operand, string keyword, Func<T, T, T> combine)
    {
        var left = operand();
        while (Accept(TokenKind.Keyword, keyword))
        {
            left = combine(left, operand());
        }
        return left;
    }

    private ObservationExpression QualifiedObservation()
    {
        ObservationExpression observation;
        if (Accept(TokenKind.LeftBracket))
        {
            observation = new SimpleObservation(ComparisonOr());
            Expect(TokenKind.RightBracket, "']'");
        }
        else if (Accept(TokenKind.LeftParen))
        {
            observation = ObservationExpressions();
            Expect(TokenKind.RightParen, "')'");
        }
        else
        {
            throw Unexpected("'[' or '('");
        }
        while (TryQualifier() is { } qualifier)
        {
            observation = new QualifiedObservation(observation, qualifier);
        }
        return observation;
    }

    private string? TryQualifier()
    {
        if (Accept(TokenKind.Keyword, "WITHIN"))
        {
            var seconds = Peek.Kind is TokenKind.Integer or TokenKind.Float && !Peek.Text.StartsWith('-')
                ? Take().Text : throw Unexpected("a positive number of seconds");
            Expect(TokenKind.Keyword, "SECONDS");
            return $"WITHIN {seconds} SECONDS";
        }
        if (Accept(TokenKind.Keyword, "REPEATS"))
        {
            var times = Peek.Kind is TokenKind.Integer && !Peek.Text.StartsWith('-') ? Take().Text : throw Unexpected("a positive integer");
            Expect(TokenKind.Keyword, "TIMES");
            return $"REPEATS {times} TIMES";
        }
        if (Accept(TokenKind.Keyword, "START"))
        {
            var start = Expect(TokenKind.Timestamp, "a timestamp").Text;
            Expect(TokenKind.Keyword, "STOP");
            var stop = Expect(TokenKind.Timestamp, "a timestamp").Text;
            return $"START t'{start}' STOP t'{stop}'";
        }
        return null;
    }

    private ComparisonExpression PropertyTest()
    {
        if (Accept(TokenKind.LeftParen))
        {
            var inner = ComparisonOr();
            Expect(TokenKind.RightParen, "')'");
            return inner;
        }
        if (Peek.Is(TokenKind.Keyword, "EXISTS") || Peek.Is(TokenKind.Keyword, "NOT"))
        {
            var negated = Accept(TokenKind.Keyword, "NOT");
            Expect(TokenKind.Keyword, "EXISTS");
            return new ExistsComparison(ObjectPathParser.Parse(this), negated);
        }
        var path = ObjectPathParser.Parse(this);
        var not = Accept(TokenKind.Keyword, "NOT");
        var (op, values) = LiteralParser.OperatorAndOperand(this);
        return new PropertyComparison(path, op, not, values);
    }

    internal bool Accept(TokenKind kind, string? text = null)
    {
        if (Peek.Kind != kind || (text is not null && Peek.Text != text)) { return false; }
        _next++;
        return true;
    }

    internal PatternToken Take() => _tokens[_next++];

    internal PatternToken Current => Peek;

    internal PatternToken Expect(TokenKind kind, string what, string? text = null) =>
        Peek.Kind == kind && (text is null || Peek.Text == text) ? Take() : throw Unexpected(what);

    internal PatternSyntaxException Unexpected(string expected) =>
        new($"expected {expected} but found {(Peek.Kind == TokenKind.End ? "the end" : $"'{Peek.Text}'")}", Peek.Position);
}
