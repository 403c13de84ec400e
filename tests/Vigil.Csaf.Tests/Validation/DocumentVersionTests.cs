using Vigil.Csaf.Validation;

namespace Vigil.Csaf.Tests.Validation;

public class DocumentVersionTests
{
    [Fact]
    public void Semantic_versions_order_by_precedence()
    {
        string[] ordered = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.1.0", "2.0.0"];

        var sorted = ordered.Reverse().Select(v => DocumentVersion.Parse(v)!).Order().Select(v => ordered.First(o => DocumentVersion.Parse(o)!.CompareTo(v) == 0));

        Assert.Equal(ordered, sorted);
    }

    [Theory]
    [InlineData("1", true, false)]
    [InlineData("0", true, true)]
    [InlineData("0.9.1", false, true)]
    [InlineData("1.0.0+build.7", false, false)]
    public void Versions_are_read(string text, bool isInteger, bool beforeFirstRelease)
    {
        var version = DocumentVersion.Parse(text)!;

        Assert.Equal(isInteger, version.IsInteger);
        Assert.Equal(beforeFirstRelease, version.IsBeforeFirstRelease);
    }

    [Theory]
    [InlineData("01")]
    [InlineData("1.0")]
    [InlineData("v1.0.0")]
    public void Other_strings_are_not_versions(string text)
    {
        Assert.Null(DocumentVersion.Parse(text));
    }
}
