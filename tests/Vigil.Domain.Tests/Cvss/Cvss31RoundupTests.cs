using CsCheck;
using Vigil.Domain.Cvss;

namespace Vigil.Domain.Tests.Cvss;

public sealed class Cvss31RoundupTests
{
    [Theory]
    [InlineData(4.02, 4.1)]
    [InlineData(4.0, 4.0)]
    [InlineData(4.000000000000001, 4.0)]
    [InlineData(0.0, 0.0)]
    [InlineData(9.91, 10.0)]
    public void Roundup_FollowsAppendixA(double input, double expected) => Assert.Equal(expected, Cvss31Roundup.Apply(input));

    [Fact]
    public void Roundup_IsTheSmallestTenthNotBelowItsInput() =>
        Gen.Int[0, 100_000].Sample(scaled =>
        {
            var input = scaled / 10_000.0;
            var rounded = Cvss31Roundup.Apply(input);
            return rounded >= input - 1e-9 && rounded - 0.1 < input - 1e-9 && Math.Abs((rounded * 10) - Math.Round(rounded * 10)) < 1e-9;
        });
}
