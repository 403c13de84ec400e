using Vigil.Domain.Exposure;

namespace Vigil.Domain.Tests.Exposure;

public sealed class CpeNameTests
{
    [Theory]
    [InlineData("cpe:2.3:a:whatsapp:whatsapp:2.19.100:*:*:*:*:android:*:*", true)]
    [InlineData("cpe:2.3:a:acme:tool\\:x:1.0:*:*:*:*:*:*:*", true)]
    [InlineData("cpe:2.3:a:whatsapp:whatsapp:*:*:*:*:*:android:*", false)]
    [InlineData("cpe:2.3:x:whatsapp:whatsapp:*:*:*:*:*:android:*:*", false)]
    [InlineData("cpe:/a:whatsapp:whatsapp:2.19.100", false)]
    [InlineData("cpe:2.3:a::whatsapp:*:*:*:*:*:android:*:*", false)]
    public void TryParse_AcceptsFormattedStringsOnly(string text, bool expected) =>
        Assert.Equal(expected, CpeName.TryParse(text, out _));

    [Theory]
    [InlineData("cpe:2.3:a:whatsapp:whatsapp:*:*:*:*:*:android:*:*", "cpe:2.3:a:WhatsApp:WhatsApp:2.0:*:*:*:*:Android:*:*", true)]
    [InlineData("cpe:2.3:a:whatsapp:whatsapp:*:*:*:*:*:android:*:*", "cpe:2.3:a:whatsapp:whatsapp:2.0:*:*:*:*:*:*:*", false)]
    [InlineData("cpe:2.3:a:whatsapp:whatsapp:*:*:*:*:*:*:*:*", "cpe:2.3:a:whatsapp:whatsapp:2.0:*:*:*:*:tizen:*:*", true)]
    [InlineData("cpe:2.3:a:whatsapp:whatsapp:*:*:*:*:*:*:*:*", "cpe:2.3:o:whatsapp:whatsapp:2.0:*:*:*:*:*:*:*", false)]
    public void Covers_AnyInTheDocumentCoversAValueButNotTheOtherWayRound(string entry, string component, bool expected)
    {
        Assert.True(CpeName.TryParse(entry, out var e));
        Assert.True(CpeName.TryParse(component, out var c));
        Assert.Equal(expected, e.Covers(c));
    }

    [Fact]
    public void ConcreteVersion_DropsEscapes_AndIsNullForAnyOrNotApplicable()
    {
        Assert.True(CpeName.TryParse("cpe:2.3:a:v:p:1\\.2:*:*:*:*:*:*:*", out var escaped));
        Assert.True(CpeName.TryParse("cpe:2.3:a:v:p:-:*:*:*:*:*:*:*", out var none));
        Assert.Equal("1.2", escaped.ConcreteVersion);
        Assert.Null(none.ConcreteVersion);
    }
}
