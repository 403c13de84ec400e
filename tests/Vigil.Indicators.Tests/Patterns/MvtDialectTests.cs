using Vigil.Indicators.Matching;
using Vigil.Indicators.Patterns;

namespace Vigil.Indicators.Tests.Patterns;

public class MvtDialectTests
{
    public static TheoryData<string, string> Conversions => new()
    {
        { "[file:hashes.sha256='ab']", "[file:hashes.'SHA-256' = 'ab']" },
        { "[file:hashes.sha1='ab']", "[file:hashes.'SHA-1' = 'ab']" },
        { "[file:hashes.md5='ab']", "[file:hashes.MD5 = 'ab']" },
        { "[file:path='/private/var/db/x.plist']", "[file:x_path = '/private/var/db/x.plist']" },
        { "[app:id='com.evil.app']", "[x-app:id = 'com.evil.app']" },
        { "[app:cert.sha256='ab']", "[x-app:cert.sha256 = 'ab']" },
        { "[configuration-profile:id='A-1']", "[x-configuration-profile:id = 'A-1']" },
        { "[android-property:name='sys.evil']", "[x-android-property:name = 'sys.evil']" },
        { "[file:path='/a' AND file:hashes.sha256='ab'] OR [app:id='x']", "[file:x_path = '/a' AND file:hashes.'SHA-256' = 'ab'] OR [x-app:id = 'x']" },
    };

    [Theory]
    [MemberData(nameof(Conversions))]
    public void ToStix_rewrites_dialect_paths_and_ToMvt_undoes_it(string mvt, string stix)
    {
        Assert.Equal(stix, MvtDialect.ToStix(mvt));
        // Back to the dialect: the same tree as the original, written in canonical form.
        Assert.Equal(PatternParser.Parse(mvt).ToString(), PatternParser.Parse(MvtDialect.ToMvt(stix)).ToString());
    }

    [Theory]
    [InlineData("[domain-name:value='wha.tsapp.me']")]
    [InlineData("[file:hashes.'SHA-256'='ab']")]
    [InlineData("[process:name = 'bh']")]
    public void Patterns_already_in_the_target_form_are_left_as_written(string pattern)
    {
        Assert.Same(pattern, MvtDialect.ToStix(pattern));
        Assert.Equal(pattern.Contains("SHA-256", StringComparison.Ordinal) ? "[file:hashes.sha256 = 'ab']" : pattern, MvtDialect.ToMvt(pattern));
    }

    [Fact]
    public void Converted_patterns_are_supported_by_the_matcher_as_the_dialect_is()
    {
        foreach (var (mvt, stix) in Conversions.Select(row => ((string)row[0], (string)row[1])))
        {
            var original = PatternParser.Parse(mvt);
            var converted = PatternParser.Parse(stix);
            Assert.Equal(PatternCompiler.Compile(original).Problems, PatternCompiler.Compile(converted).Problems);
            Assert.Equal(
                PatternCompiler.Compile(original).Clauses.SelectMany(c => c).Select(t => (t.Kind, t.Value)),
                PatternCompiler.Compile(converted).Clauses.SelectMany(c => c).Select(t => (t.Kind, t.Value)));
        }
    }

    [Fact]
    public void An_invalid_pattern_is_refused()
    {
        Assert.Throws<PatternSyntaxException>(() => MvtDialect.ToStix("[file:path = "));
    }
}
