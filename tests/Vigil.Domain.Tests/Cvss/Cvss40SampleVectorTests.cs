using Vigil.Domain.Cvss;

namespace Vigil.Domain.Tests.Cvss;

public sealed class Cvss40SampleVectorTests
{
    public static TheoryData<string, string, string> Samples()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var row in CvssSampleVectors.Rows("cvss40-sample-vectors.csv"))
        {
            data.Add(row[0], row[1], row[2]);
        }

        return data;
    }

    [Fact]
    public void TheSampleFileHoldsAllItsRows() => Assert.Equal(250, Samples().Count);

    [Theory]
    [MemberData(nameof(Samples))]
    public void SampleVector_ScoresExactly(string vector, string score, string severity)
    {
        var parsed = Cvss40Vector.Parse(vector);

        Assert.True(parsed.IsSuccess, parsed.Error?.ToString());
        Assert.Equal(CvssSampleVectors.Score(score), parsed.Value.Score);
        Assert.Equal(severity, parsed.Value.Severity.ToCsafName());
    }
}
