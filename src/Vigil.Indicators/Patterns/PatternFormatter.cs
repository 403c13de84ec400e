using System.Text;

namespace Vigil.Indicators.Patterns;

/// <summary>
/// Writes a syntax tree back as pattern text. Every composite operand is parenthesised, so the text parses back
/// to the same tree whatever the precedence of the operators around it.
/// </summary>
public static class PatternFormatter
{
    /// <summary>Formats an observation expression (a whole pattern).</summary>
    /// <param name="expression">The syntax tree.</param>
    /// <returns>Pattern text that parses back to an equivalent tree.</returns>
    public static string Format(ObservationExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return expression switch
        {
            SimpleObservation simple => $"[{Format(simple.Comparison)}]",
            CompositeObservation composite =>
                $"{Operand(composite.Left)} {Keyword(composite.Operator)} {Operand(composite.Right)}",
            QualifiedObservation qualified => $"{Operand(qualified.Observation)} {qualified.Qualifier}",
            _ => throw new ArgumentException($"unknown expression {expression.GetType().Name}", nameof(expression)),
        };
    }

    /// <summary>Formats the comparison inside one pair of brackets.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <returns>Its text.</returns>
    public static string Format(ComparisonExpression comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return comparison switch
        {
            CompositeComparison c => $"{Operand(c.Left)} {(c.IsAnd ? "AND" : "OR")} {Operand(c.Right)}",
            ExistsComparison e => $"{(e.Negated ? "NOT " : "")}EXISTS {Format(e.Path)}",
            PropertyComparison p => $"{Format(p.Path)} {(p.Negated ? "NOT " : "")}{Operator(p.Operator)} {Operand(p)}",
            _ => throw new ArgumentException($"unknown comparison {comparison.GetType().Name}", nameof(comparison)),
        };
    }

    /// <summary>Formats an object path, quoting keys that are not plain identifiers.</summary>
    /// <param name="path">The path.</param>
    /// <returns>Its text, for example <c>file:hashes.'SHA-256'</c>.</returns>
    public static string Format(ObjectPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = new StringBuilder(path.ObjectType).Append(':');
        for (var i = 0; i < path.Steps.Count; i++)
        {
            var step = path.Steps[i];
            if (step.IsIndex) { text.Append('[').Append(step.Name).Append(']'); continue; }
            if (i > 0) { text.Append('.'); }
            text.Append(IsIdentifier(step.Name) ? step.Name : Quote(step.Name));
        }
        return text.ToString();
    }

    /// <summary>Formats a literal as the grammar writes it.</summary>
    /// <param name="literal">The literal.</param>
    /// <returns>Its text, for example <c>'it\'s'</c> or <c>h'ff00'</c>.</returns>
    public static string Format(PatternLiteral literal)
    {
        ArgumentNullException.ThrowIfNull(literal);
        return literal.Kind switch
        {
            LiteralKind.String => Quote(literal.Value),
            LiteralKind.Binary => $"b'{literal.Value}'",
            LiteralKind.Hex => $"h'{literal.Value}'",
            LiteralKind.Timestamp => $"t'{literal.Value}'",
            _ => literal.Value,
        };
    }

    private static string Operand(ObservationExpression e) => e is SimpleObservation ? Format(e) : $"({Format(e)})";

    private static string Operand(ComparisonExpression c) => c is CompositeComparison ? $"({Format(c)})" : Format(c);

    private static string Operand(PropertyComparison p) => p.Operator == ComparisonOperator.In
        ? $"({string.Join(", ", p.Values.Select(Format))})"
        : Format(p.Values[0]);

    private static string Quote(string value) => $"'{value.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("'", @"\'", StringComparison.Ordinal)}'";

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
        && name is not ("true" or "false") && !IsKeyword(name);

    private static bool IsKeyword(string name) => PatternLexer.Keywords.Contains(name);

    private static string Keyword(ObservationOperator op) => op switch
    {
        ObservationOperator.And => "AND",
        ObservationOperator.Or => "OR",
        _ => "FOLLOWEDBY",
    };

    private static string Operator(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "=",
        ComparisonOperator.NotEqual => "!=",
        ComparisonOperator.GreaterThan => ">",
        ComparisonOperator.LessThan => "<",
        ComparisonOperator.GreaterOrEqual => ">=",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.In => "IN",
        ComparisonOperator.Like => "LIKE",
        ComparisonOperator.Matches => "MATCHES",
        ComparisonOperator.IsSubset => "ISSUBSET",
        _ => "ISSUPERSET",
    };
}
