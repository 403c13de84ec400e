using Vigil.Csaf.Cvss;

namespace Vigil.Csaf.Tests.Cvss;

public class Cvss2VectorTests
{
    // Scores from the examples of the CVSS v2 guide (section 3.3) and NVD.
    [Theory]
    [InlineData("AV:N/AC:L/Au:N/C:N/I:N/A:C", 7.8)]
    [InlineData("AV:N/AC:L/Au:N/C:C/I:C/A:C", 10.0)]
    [InlineData("AV:L/AC:H/Au:N/C:C/I:C/A:C", 6.2)]
    [InlineData("AV:N/AC:L/Au:S/C:P/I:P/A:N", 5.5)]
    [InlineData("AV:N/AC:L/Au:N/C:N/I:N/A:N", 0.0)]
    public void Base_scores_match_the_guide(string vector, double expected)
    {
        Assert.Equal(expected, Cvss2Vector.Parse(vector)!.BaseScore);
    }

    [Fact]
    public void Temporal_and_environmental_scores_match_the_guide()
    {
        // CVE-2002-0392, CVSS v2 guide section 3.3.1.
        var vector = Cvss2Vector.Parse("AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:H")!;

        Assert.Equal(6.4, vector.TemporalScore);
        Assert.Equal(9.2, vector.EnvironmentalScore);
    }

    [Theory]
    [InlineData("AV:N/AC:L/Au:N/C:N/I:N")]
    [InlineData("AV:X/AC:L/Au:N/C:N/I:N/A:C")]
    [InlineData("AV:N/AV:N/AC:L/Au:N/C:N/I:N/A:C")]
    [InlineData("")]
    public void Malformed_vectors_are_refused(string vector)
    {
        Assert.Null(Cvss2Vector.Parse(vector));
    }
}
