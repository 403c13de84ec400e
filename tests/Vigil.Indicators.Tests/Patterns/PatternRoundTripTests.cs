using CsCheck;
using Vigil.Indicators.Patterns;

namespace Vigil.Indicators.Tests.Patterns;

public class PatternRoundTripTests
{
    private static readonly Gen<string> Key = Gen.OneOf(
        Gen.Const("value"), Gen.Const("name"), Gen.Const("SHA-256"), Gen.Const("it's"), Gen.Const("AND"), Gen.Const("x_1"));

    private static readonly Gen<ObjectPath> Path = Gen.Select(
        Gen.OneOf(Gen.Const("domain-name"), Gen.Const("file"), Gen.Const("x509-certificate")),
        Key.Array[1, 3],
        Gen.Bool,
        (type, keys, index) => new ObjectPath(type, [.. keys.Select(k => new PathStep(k, false)), .. index ? [new PathStep("*", true)] : Array.Empty<PathStep>()]));

    private static readonly Gen<PatternLiteral> Literal = Gen.OneOf(
        Gen.String[Gen.Char["ab'\\% _.é"], 0, 8].Select(s => new PatternLiteral(LiteralKind.String, s)),
        Gen.Int[-1000, 1000].Select(i => new PatternLiteral(LiteralKind.Integer, i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        Gen.Const(new PatternLiteral(LiteralKind.Hex, "ff00")),
        Gen.Const(new PatternLiteral(LiteralKind.Timestamp, "2016-06-01T00:00:00.123Z")));

    private static readonly Gen<ComparisonExpression> Property = Gen.OneOf<ComparisonExpression>(
        Gen.Select(Path, Gen.Bool, Literal, (p, n, l) => new PropertyComparison(p, ComparisonOperator.Equal, n, [l])),
        Gen.Select(Path, Literal.Array[0, 3], (p, ls) => new PropertyComparison(p, ComparisonOperator.In, false, ls)),
        Gen.Select(Path, Gen.String[Gen.Char["a%_'"], 0, 5], (p, s) => new PropertyComparison(p, ComparisonOperator.Like, false, [new PatternLiteral(LiteralKind.String, s)])),
        Gen.Select(Path, Gen.Bool, (p, n) => new ExistsComparison(p, n)));

    private static Gen<ComparisonExpression> Comparison(int depth) => depth == 0 ? Property : Gen.OneOf(
        Property,
        Gen.Select(Gen.Bool, Comparison(depth - 1), Comparison(depth - 1), (and, l, r) => (ComparisonExpression)new CompositeComparison(and, l, r)));

    private static Gen<ObservationExpression> Observation(int depth)
    {
        var simple = Comparison(2).Select(c => (ObservationExpression)new SimpleObservation(c));
        return depth == 0 ? simple : Gen.OneOf(
            simple,
            Gen.Select(Gen.Enum<ObservationOperator>(), Observation(depth - 1), Observation(depth - 1), (op, l, r) => (ObservationExpression)new CompositeObservation(op, l, r)),
            Observation(depth - 1).Select(o => (ObservationExpression)new QualifiedObservation(o, "WITHIN 5 SECONDS")));
    }

    [Fact]
    public void Formatting_then_parsing_gives_back_the_same_tree() =>
        Observation(3).Sample(tree =>
        {
            var text = PatternFormatter.Format(tree);
            Assert.Equal(text, PatternFormatter.Format(PatternParser.Parse(text)));
        }, iter: 2000);

    [Fact]
    public void Parsing_never_throws_anything_but_a_syntax_error() =>
        Gen.String[Gen.Char["[]():'=!<>aAND OR.-_*0123456789tbh\\"], 0, 40].Sample(text =>
        {
            var ok = PatternParser.TryParse(text, out var tree, out var error);
            Assert.True(ok ? tree is not null : error is not null);
        }, iter: 5000);
}
