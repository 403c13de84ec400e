using CsCheck;
using Vigil.Indicators.Patterns;
using Vigil.Indicators.Stix;

namespace Vigil.Indicators.Tests.Patterns;

/// <summary>The shortcut for single equalities must read every text it accepts exactly as the full grammar does.</summary>
public class SimplePatternTests
{
    private static readonly string[] Pieces =
    [
        "[", "]", " ", " ", "\t", "domain-name", "file", "x_y", "AND", "OR", "true", "b", ":", "value", "name", "hashes",
        "'SHA-256'", ".", "-", "=", "==", "!=", "'", "'evil.com'", "'it\\'s'", "'a\\\\b'", "'wha.tsapp.me'", "evil.com",
        "[0]", "[*]", "/* c */", "1", "IN", "('a')", "LIKE", "NOT", "WITHIN 5 SECONDS", "t'2024-01-01T00:00:00Z'", "é",
    ];

    private static Gen<string> Choose(params string[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    [Fact]
    public void Every_text_the_shortcut_accepts_parses_the_same_with_the_full_grammar()
    {
        var simple = Choose("domain-name", "file", "url", "email-addr", "process", "x-mobile_app")
            .Select(Choose(":value", ":name", ":hashes.sha256", ":image_ref.name", ":a.b.c"), (t, p) => t + p)
            .Select(Choose(" = ", "=", "  =  ", " ="), (l, op) => l + op)
            .Select(Gen.Int[0, 999_999], (l, v) => $"[{l}'n{v}.com']");
        var noisy = Gen.Int[0, Pieces.Length - 1].Array[1, 12].Select(picks => string.Concat(picks.Select(p => Pieces[p])));
        var accepted = 0;
        Gen.OneOf(simple, noisy).Sample(text =>
        {
            if (SimplePattern.TryParse(text) is not { } fast) { return; }
            accepted++;
            Assert.Equal(PatternFormatter.Format(PatternParser.ParseFully(text)), PatternFormatter.Format(fast));
        }, iter: 20_000, threads: 1);
        Assert.True(accepted > 1_000, $"only {accepted} texts took the shortcut");
    }

    [Fact]
    public void The_public_sets_read_the_same_either_way()
    {
        using var bundle = File.OpenRead(SharedData.Path("ioc", "pegasus", "pegasus.stix2"));
        var patterns = StixBundleReader.Read(bundle).OfType<StixIndicator>().Select(i => i.Pattern).ToList();
        Assert.Equal(1549, patterns.Count);
        Assert.All(patterns, p => Assert.Equal(PatternFormatter.Format(PatternParser.ParseFully(p)), PatternFormatter.Format(PatternParser.Parse(p))));
        Assert.True(patterns.Count(p => SimplePattern.TryParse(p) is not null) > 1_500);
    }

    [Theory]
    [InlineData("[domain-name:value = 'it\\'s']")]
    [InlineData("[file:hashes.'SHA-256' = 'aa']")]
    [InlineData("[domain-name:value == 'a']")]
    [InlineData("[domain-name:value = 'a'] AND [domain-name:value = 'b']")]
    [InlineData("[domain-name:value = 'a'] WITHIN 5 SECONDS")]
    [InlineData("[domain-name:AND = 'a']")]
    [InlineData("[file:name\t= 'a']")]
    [InlineData("[file:my-name = 'a']")]
    public void Other_shapes_are_left_to_the_full_grammar(string pattern) => Assert.Null(SimplePattern.TryParse(pattern));
}
