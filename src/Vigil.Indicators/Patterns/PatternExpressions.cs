namespace Vigil.Indicators.Patterns;

/// <summary>A whole STIX pattern or one of its observation expressions.</summary>
public abstract record ObservationExpression;

/// <summary>One bracketed observation: <c>[comparison]</c>.</summary>
/// <param name="Comparison">The comparison that one observed object must satisfy.</param>
public sealed record SimpleObservation(ComparisonExpression Comparison) : ObservationExpression;

/// <summary>Two observation expressions joined by <c>AND</c>, <c>OR</c> or <c>FOLLOWEDBY</c>.</summary>
/// <param name="Operator">How the two sides combine.</param>
/// <param name="Left">The left operand.</param>
/// <param name="Right">The right operand.</param>
public sealed record CompositeObservation(ObservationOperator Operator, ObservationExpression Left, ObservationExpression Right)
    : ObservationExpression;

/// <summary>An observation expression narrowed by a qualifier (<c>WITHIN</c>, <c>REPEATS</c>, <c>START … STOP</c>).</summary>
/// <param name="Observation">The qualified expression.</param>
/// <param name="Qualifier">The qualifier, in the pattern's own words, for example <c>WITHIN 300 SECONDS</c>.</param>
public sealed record QualifiedObservation(ObservationExpression Observation, string Qualifier) : ObservationExpression;

/// <summary>Operators between observation expressions.</summary>
public enum ObservationOperator
{
    /// <summary><c>AND</c>: both observations occur.</summary>
    And,

    /// <summary><c>OR</c>: either observation occurs.</summary>
    Or,

    /// <summary><c>FOLLOWEDBY</c>: the left observation occurs before the right one.</summary>
    FollowedBy,
}

/// <summary>The comparison inside one pair of brackets.</summary>
public abstract record ComparisonExpression;

/// <summary>Two comparisons joined by <c>AND</c> or <c>OR</c>.</summary>
/// <param name="IsAnd">True for <c>AND</c>, false for <c>OR</c>.</param>
/// <param name="Left">The left operand.</param>
/// <param name="Right">The right operand.</param>
public sealed record CompositeComparison(bool IsAnd, ComparisonExpression Left, ComparisonExpression Right) : ComparisonExpression;

/// <summary>A test of one property: <c>path op literal</c>, or <c>path IN (…)</c>.</summary>
/// <param name="Path">The object path being compared.</param>
/// <param name="Operator">The comparison operator.</param>
/// <param name="Negated">True when written with <c>NOT</c> before the operator.</param>
/// <param name="Values">The literal; several only for <c>IN</c>.</param>
public sealed record PropertyComparison(
    ObjectPath Path, ComparisonOperator Operator, bool Negated, IReadOnlyList<PatternLiteral> Values) : ComparisonExpression;

/// <summary><c>EXISTS path</c>, optionally negated.</summary>
/// <param name="Path">The object path that must (or must not) exist.</param>
/// <param name="Negated">True when written <c>NOT EXISTS</c>.</param>
public sealed record ExistsComparison(ObjectPath Path, bool Negated) : ComparisonExpression;

/// <summary>Comparison operators of the STIX pattern grammar.</summary>
public enum ComparisonOperator
{
    /// <summary><c>=</c> or <c>==</c>.</summary>
    Equal,

    /// <summary><c>!=</c> or <c>&lt;&gt;</c>.</summary>
    NotEqual,

    /// <summary><c>&gt;</c>.</summary>
    GreaterThan,

    /// <summary><c>&lt;</c>.</summary>
    LessThan,

    /// <summary><c>&gt;=</c>.</summary>
    GreaterOrEqual,

    /// <summary><c>&lt;=</c>.</summary>
    LessOrEqual,

    /// <summary><c>IN (…)</c>.</summary>
    In,

    /// <summary><c>LIKE</c> with SQL wildcards <c>%</c> and <c>_</c>.</summary>
    Like,

    /// <summary><c>MATCHES</c>: a regular expression.</summary>
    Matches,

    /// <summary><c>ISSUBSET</c>: an address within a CIDR range.</summary>
    IsSubset,

    /// <summary><c>ISSUPERSET</c>: a CIDR range containing an address.</summary>
    IsSuperset,
}
