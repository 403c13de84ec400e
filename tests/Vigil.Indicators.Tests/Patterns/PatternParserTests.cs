using Vigil.Indicators.Patterns;

namespace Vigil.Indicators.Tests.Patterns;

public class PatternParserTests
{
    [Theory]
    [InlineData("[domain-name:value='evil.com']", "[domain-name:value = 'evil.com']")]
    [InlineData("[file:hashes.'SHA-256' = 'aa']", "[file:hashes.'SHA-256' = 'aa']")]
    [InlineData("[file:hashes.MD5 == 'aa']", "[file:hashes.MD5 = 'aa']")]
    [InlineData("[url:value != 'x' AND url:value <> 'y']", "[url:value != 'x' AND url:value != 'y']")]
    [InlineData("[a:b = 'x' OR a:b = 'y' AND a:c = 'z']", "[a:b = 'x' OR (a:b = 'y' AND a:c = 'z')]")]
    [InlineData("[(a:b = 'x' OR a:b = 'y') AND a:c = 'z']", "[(a:b = 'x' OR a:b = 'y') AND a:c = 'z']")]
    [InlineData("[a:b IN ('x', 'y')]", "[a:b IN ('x', 'y')]")]
    [InlineData("[a:b IN ()]", "[a:b IN ()]")]
    [InlineData("[a:b NOT LIKE 'x%']", "[a:b NOT LIKE 'x%']")]
    [InlineData("[a:b MATCHES '^x$']", "[a:b MATCHES '^x$']")]
    [InlineData("[a:b = 'it\\'s \\\\']", "[a:b = 'it\\'s \\\\']")]
    [InlineData("[a:b = 'x'] OR [c:d = 'y'] AND [e:f = 'z']", "[a:b = 'x'] OR ([c:d = 'y'] AND [e:f = 'z'])")]
    [InlineData("[a:b = 'x'] FOLLOWEDBY [c:d = 'y'] OR [e:f = 'z']", "[a:b = 'x'] FOLLOWEDBY ([c:d = 'y'] OR [e:f = 'z'])")]
    [InlineData("[a:b = 'x'] WITHIN 300 SECONDS", "[a:b = 'x'] WITHIN 300 SECONDS")]
    [InlineData("([a:b = 'x'] AND [c:d = 1]) REPEATS 5 TIMES", "([a:b = 'x'] AND [c:d = 1]) REPEATS 5 TIMES")]
    [InlineData("[a:b = 'x'] START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00.5Z'", "[a:b = 'x'] START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00.5Z'")]
    [InlineData("[process:image_ref.name = 'bh']", "[process:image_ref.name = 'bh']")]
    [InlineData("[x:list[0].y[*] = -1]", "[x:list[0].y[*] = -1]")]
    [InlineData("[a:b > 1.5 AND a:c <= t'2020-01-01T00:00:00Z']", "[a:b > 1.5 AND a:c <= t'2020-01-01T00:00:00Z']")]
    [InlineData("[a:b = h'ff00' OR a:c = b'AAEC' OR a:d = true]", "[(a:b = h'ff00' OR a:c = b'AAEC') OR a:d = true]")]
    [InlineData("[NOT EXISTS a:b] /* comment */", "[NOT EXISTS a:b]")]
    [InlineData("[network-traffic:dst_ref.type ISSUBSET '10.0.0.0/8']", "[network-traffic:dst_ref.type ISSUBSET '10.0.0.0/8']")]
    public void Valid_patterns_parse_to_the_expected_tree(string pattern, string canonical) =>
        Assert.Equal(canonical, PatternFormatter.Format(PatternParser.Parse(pattern)));

    [Theory]
    [InlineData("")]
    [InlineData("domain-name:value = 'x'")]
    [InlineData("[domain-name:value = 'x'")]
    [InlineData("[domain-name:value 'x']")]
    [InlineData("[domain-name:value = 'x]")]
    [InlineData("[domain-name:value = x]")]
    [InlineData("[file:parent-directory = 'x']")]
    [InlineData("[a:b = 'x'] and [c:d = 'y']")]
    [InlineData("[a:b LIKE 1]")]
    [InlineData("[a:b > true]")]
    [InlineData("[a:b = t'2016-13-01T00:00:00Z']")]
    [InlineData("[a:b = h'f']")]
    [InlineData("[a:b = 'x'] WITHIN -5 SECONDS")]
    [InlineData("[a:b = 'x'] REPEATS 1.5 TIMES")]
    [InlineData("[a:b = 01]")]
    [InlineData("[a:b = 'a\\x']")]
    [InlineData("[a:b = 'x'] [c:d = 'y']")]
    [InlineData("[a:b = 'x' AND]")]
    [InlineData("[a:b = 'x'] # [c:d = 'y']")]
    public void Invalid_patterns_are_refused(string pattern) =>
        Assert.False(PatternParser.TryParse(pattern, out _, out var error) || error is null);
}
