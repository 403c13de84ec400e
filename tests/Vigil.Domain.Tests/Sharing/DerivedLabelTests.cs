using Vigil.Domain.Sharing;

namespace Vigil.Domain.Tests.Sharing;

/// <summary>
/// The label an indicator in a collection is read under (issue 11, "relabelling an incident does not reach what was
/// derived from it"): it follows its source, and only an analyst's release lowers it.
/// </summary>
public class DerivedLabelTests
{
    [Theory]
    // marking, source, released => effective
    [InlineData("CLEAR", null, null, "CLEAR")]
    [InlineData("RED", null, null, "RED")]
    [InlineData("GREEN", "GREEN", null, "GREEN")]
    [InlineData("GREEN", "RED", null, "RED")]
    [InlineData("RED", "GREEN", null, "RED")]
    [InlineData("AMBER", "AMBER+STRICT", null, "AMBER+STRICT")]
    [InlineData("GREEN", "RED", "GREEN", "GREEN")]
    [InlineData("RED", null, "CLEAR", "CLEAR")]
    [InlineData("CLEAR", "AMBER", "AMBER", "AMBER")]
    public void The_effective_label_is_the_release_or_the_narrower_of_marking_and_source(string marking, string? source, string? released, string expected) =>
        Assert.Equal(expected, DerivedLabel.Effective(marking, source, released));

    [Theory]
    // label, marking, source => may release
    [InlineData("GREEN", "GREEN", "RED", true)]
    [InlineData("RED", "GREEN", "RED", true)]
    [InlineData("CLEAR", "RED", null, true)]
    [InlineData("RED", "GREEN", "AMBER", false)]
    [InlineData("AMBER+STRICT", "AMBER", null, false)]
    public void A_release_lowers_or_confirms_never_narrows(string label, string marking, string? source, bool expected) =>
        Assert.Equal(expected, DerivedLabel.MayRelease(label, marking, source));

    [Theory]
    // released, old source, new source => release standing
    [InlineData(null, "GREEN", "RED", null)]
    [InlineData("GREEN", "AMBER", "RED", null)]
    [InlineData("GREEN", "RED", "AMBER", "GREEN")]
    [InlineData("GREEN", "AMBER", "AMBER", "GREEN")]
    [InlineData("CLEAR", null, "GREEN", null)]
    public void A_release_lapses_when_its_source_becomes_more_restrictive(string? released, string? oldSource, string newSource, string? expected) =>
        Assert.Equal(expected, DerivedLabel.ReleaseAfterSourceChange(released, oldSource, newSource));
}
