using Vigil.Indicators.Patterns;

namespace Vigil.Indicators.Matching;

/// <summary>
/// Turns a pattern into a disjunction of conjunctions of terms. An indicator matches when every term of one
/// conjunction has been observed in the same artefact. Constructs the matcher cannot honour are reported, never dropped.
/// </summary>
internal static class PatternCompiler
{
    // Distributing AND over OR can grow a pattern exponentially; past this it is refused rather than expanded.
    private const int MaxClauses = 256;

    public static (List<List<IndicatorTerm>> Clauses, List<string> Problems) Compile(ObservationExpression pattern)
    {
        var problems = new List<string>();
        var clauses = Observation(pattern, problems);
        return (clauses, problems);
    }

    private static List<List<IndicatorTerm>> Observation(ObservationExpression e, List<string> problems) => e switch
    {
        SimpleObservation s => Comparison(s.Comparison, problems),
        QualifiedObservation q => Refuse(problems, $"qualifier '{q.Qualifier}' is not supported"),
        CompositeObservation { Operator: ObservationOperator.FollowedBy } => Refuse(problems, "FOLLOWEDBY is not supported: artefacts carry no reliable order"),
        CompositeObservation c => Combine(c.Operator == ObservationOperator.And, Observation(c.Left, problems), Observation(c.Right, problems), problems),
        _ => Refuse(problems, "unknown observation expression"),
    };

    private static List<List<IndicatorTerm>> Comparison(ComparisonExpression e, List<string> problems) => e switch
    {
        CompositeComparison c => Combine(c.IsAnd, Comparison(c.Left, problems), Comparison(c.Right, problems), problems),
        ExistsComparison x => Refuse(problems, $"EXISTS {x.Path} is not supported"),
        PropertyComparison p => Property(p, problems),
        _ => Refuse(problems, "unknown comparison"),
    };

    private static List<List<IndicatorTerm>> Property(PropertyComparison p, List<string> problems)
    {
        if (ObjectPathKinds.For(p.Path) is not { } kind) { return Refuse(problems, $"object path {p.Path} is not supported"); }
        if (p.Negated || p.Operator == ComparisonOperator.NotEqual)
        {
            return Refuse(problems, $"negated comparison on {p.Path} is not supported: an absence cannot be matched value by value");
        }
        if (p.Operator is not (ComparisonOperator.Equal or ComparisonOperator.In or ComparisonOperator.Like))
        {
            return Refuse(problems, $"operator {p.Operator.ToString().ToUpperInvariant()} on {p.Path} is not supported");
        }
        var clauses = new List<List<IndicatorTerm>>();
        foreach (var literal in p.Values)
        {
            if (literal.Kind != LiteralKind.String) { return Refuse(problems, $"{literal.Kind} literal for {p.Path} is not supported"); }
            if (Term(p, kind, literal.Value, problems) is { } term) { clauses.Add([term]); }
        }
        return clauses;
    }

    private static IndicatorTerm? Term(PropertyComparison p, ObservableKind kind, string literal, List<string> problems)
    {
        if (p.Operator == ComparisonOperator.Like) { return new IndicatorTerm(kind, TermMode.Like, literal); }
        var (value, problem) = IndicatorValues.Normalize(kind, literal);
        if (value is null)
        {
            problems.Add(problem!);
            return null;
        }
        var mode = ObjectPathKinds.IsParentDirectory(p.Path) ? TermMode.ParentDirectory
            : kind == ObservableKind.FilePath && value.EndsWith('/') ? TermMode.DirectoryPrefix
            : TermMode.Exact;
        return new IndicatorTerm(kind, mode, mode == TermMode.ParentDirectory ? value.TrimEnd('/') : value);
    }

    private static List<List<IndicatorTerm>> Combine(
        bool and, List<List<IndicatorTerm>> left, List<List<IndicatorTerm>> right, List<string> problems)
    {
        if (!and) { return [.. left, .. right]; }
        if ((long)left.Count * right.Count > MaxClauses) { return Refuse(problems, $"the pattern expands to more than {MaxClauses} alternatives"); }
        return [.. left.SelectMany(l => right.Select(r => (List<IndicatorTerm>)[.. l, .. r]))];
    }

    private static List<List<IndicatorTerm>> Refuse(List<string> problems, string problem)
    {
        problems.Add(problem);
        return [];
    }
}
