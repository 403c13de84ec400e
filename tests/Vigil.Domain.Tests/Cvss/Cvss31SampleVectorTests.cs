using Vigil.Domain.Cvss;

namespace Vigil.Domain.Tests.Cvss;

public sealed class Cvss31SampleVectorTests
{
    public static TheoryData<string, string, string, string, string> Samples()
    {
        var data = new TheoryData<string, string, string, string, string>();
        foreach (var row in CvssSampleVectors.Rows("cvss31-sample-vectors.csv"))
        {
            data.Add(row[0], row[1], row[2], row[3], row[4]);
        }

        return data;
    }

    [Fact]
    public void TheSampleFileHoldsAllItsRows() => Assert.Equal(250, Samples().Count);

    [Theory]
    [MemberData(nameof(Samples))]
    public void SampleVector_ScoresExactly(string vector, string baseScore, string temporal, string environmental, string severity)
    {
        var parsed = Cvss31Vector.Parse(vector);

        Assert.True(parsed.IsSuccess, parsed.Error?.ToString());
        var scores = parsed.Value.Scores;
        Assert.Equal(CvssSampleVectors.Score(baseScore), scores.Base);
        Assert.Equal(CvssSampleVectors.Score(temporal), scores.Temporal);
        Assert.Equal(CvssSampleVectors.Score(environmental), scores.Environmental);
        Assert.Equal(severity, scores.BaseSeverity.ToCsafName());
    }
}
