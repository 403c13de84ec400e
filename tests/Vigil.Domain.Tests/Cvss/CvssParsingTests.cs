using Vigil.Domain.Cvss;

namespace Vigil.Domain.Tests.Cvss;

public sealed class CvssParsingTests
{
    private const string Full31 = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
    private const string Full40 = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";

    [Theory]
    [InlineData(null, "CVSS")]
    [InlineData("", "CVSS")]
    [InlineData("AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS")]
    [InlineData("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H", "A")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/C:H/I:H/A:H", "S")]
    [InlineData("CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "AV")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:Q", "E")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:N", "AV")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/XX:N", "XX")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/", "A")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR/UI:N/S:U/C:H/I:H/A:H", "PR")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N:N/UI:N/S:U/C:H/I:H/A:H", "PR")]
    [InlineData("CVSS:3.1/av:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "av")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N", "SA")]
    [InlineData("CVSS:4.0/AC:L/AV:N/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "AV")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/SA:N", "SI")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:red", "U")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A/E:A", "E")]
    [InlineData("CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P", "CVSS")]
    public void MalformedVector_IsRefusedNamingTheMetric(string? vector, string metric)
    {
        var result = CvssCalculator.Evaluate(vector);

        Assert.False(result.IsSuccess);
        Assert.Equal(metric, result.Error.Metric);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
    }

    [Fact]
    public void Version31_AcceptsMetricsInAnyOrderAndWritesThemInTheSpecificationsOrder()
    {
        var result = Cvss31Vector.Parse("CVSS:3.1/A:H/I:H/C:H/S:U/UI:N/PR:N/AC:L/AV:N/E:P");

        Assert.True(result.IsSuccess);
        Assert.Equal(Full31 + "/E:P", result.Value.ToString());
    }

    [Fact]
    public void Evaluate_Version31_GivesAllThreeScores()
    {
        var result = CvssCalculator.Evaluate(Full31 + "/E:P/RL:O/RC:C/CR:L");

        Assert.True(result.IsSuccess);
        Assert.Equal(new CvssEvaluation("3.1", Full31 + "/E:P/RL:O/RC:C/CR:L", 9.8, CvssSeverity.Critical, 8.8, 8.5), result.Value);
    }

    [Fact]
    public void Evaluate_Version40_NamesWhatTheScoreCovers()
    {
        var result = CvssCalculator.Evaluate(Full40 + "/E:U");

        Assert.True(result.IsSuccess);
        Assert.Equal("CVSS-BT", result.Value.Nomenclature);
        Assert.Equal("4.0", result.Value.Version);
        Assert.Equal(CvssSeverityScale.Rate(result.Value.Score), result.Value.Severity);
    }

    [Theory]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 9.3)]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N", 0.0)]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H", 10.0)]
    public void Version40_KnownScores(string vector, double score) =>
        Assert.Equal(score, Cvss40Vector.Parse(vector).Value!.Score);

    [Theory]
    [InlineData(0.0, CvssSeverity.None)]
    [InlineData(0.1, CvssSeverity.Low)]
    [InlineData(3.9, CvssSeverity.Low)]
    [InlineData(4.0, CvssSeverity.Medium)]
    [InlineData(6.9, CvssSeverity.Medium)]
    [InlineData(7.0, CvssSeverity.High)]
    [InlineData(8.9, CvssSeverity.High)]
    [InlineData(9.0, CvssSeverity.Critical)]
    [InlineData(10.0, CvssSeverity.Critical)]
    public void SeverityScale_BandsMatchTheSpecification(double score, CvssSeverity severity) =>
        Assert.Equal(severity, CvssSeverityScale.Rate(score));
}
