using System.Text.Json;
using Vigil.Domain.Json;

namespace Vigil.Domain.Tests.Json;

public class CanonicalJsonTests
{
    // RFC 8785 §3.2.2 and §3.2.3: the example input and its canonical form.
    [Fact]
    public void Rfc8785_example_canonicalises_exactly()
    {
        const string input = """
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """;
        using var doc = JsonDocument.Parse(input);
        Assert.Equal(
            "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}",
            CanonicalJson.Serialize(doc.RootElement));
    }

    // RFC 8785 §3.2.3: members sorted by UTF-16 code units, not by code points or culture.
    [Fact]
    public void Members_sort_by_utf16_code_units()
    {
        const string input = """{"\u20ac":"Euro Sign","\r":"Carriage Return","\ufb33":"Hebrew Letter Dalet With Dagesh","1":"One","\ud83d\ude00":"Emoji: Grinning Face","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis"}""";
        using var doc = JsonDocument.Parse(input);
        var names = JsonDocument.Parse(CanonicalJson.Serialize(doc.RootElement)).RootElement.EnumerateObject().Select(p => p.Value.GetString()!).ToArray();
        Assert.Equal(
            ["Carriage Return", "One", "Control", "Latin Small Letter O With Diaeresis", "Euro Sign", "Emoji: Grinning Face", "Hebrew Letter Dalet With Dagesh"],
            names);
    }

    // ECMAScript Number.prototype.toString, as RFC 8785 Appendix B tabulates it.
    [Theory]
    [InlineData(0d, "0")]
    [InlineData(1d, "1")]
    [InlineData(-1.5, "-1.5")]
    [InlineData(100d, "100")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(1e21, "1e+21")]
    [InlineData(123456789012345680000d, "123456789012345680000")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(9007199254740992d, "9007199254740992")]
    [InlineData(295147905179352830000d, "295147905179352830000")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    [InlineData(4.35, "4.35")]
    [InlineData(-1e-7, "-1e-7")]
    public void Numbers_format_as_ecmascript_does(double value, string expected) =>
        Assert.Equal(expected, CanonicalJson.FormatNumber(value));

    [Fact]
    public void Whitespace_and_member_order_do_not_change_the_canonical_form()
    {
        using var a = JsonDocument.Parse("""{ "b" : [1, 2 ,3], "a" : {"y": true, "x": null} }""");
        using var b = JsonDocument.Parse("""{"a":{"x":null,"y":true},"b":[1,2,3]}""");
        Assert.Equal(CanonicalJson.Serialize(a.RootElement), CanonicalJson.Serialize(b.RootElement));
        Assert.Equal("""{"a":{"x":null,"y":true},"b":[1,2,3]}""", CanonicalJson.Serialize(a.RootElement));
    }

    [Fact]
    public void Negative_zero_is_written_as_zero() => Assert.Equal("0", CanonicalJson.FormatNumber(-0d));
}
