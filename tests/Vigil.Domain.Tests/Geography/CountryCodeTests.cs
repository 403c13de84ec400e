using Vigil.Domain.Geography;
using Vigil.Domain.Incidents;

namespace Vigil.Domain.Tests.Geography;

public class CountryCodeTests
{
    [Fact]
    public void All_249_assigned_codes_are_known() => Assert.Equal(249, CountryCode.All.Count);

    [Theory]
    [InlineData("IN", true)]
    [InlineData("US", true)]
    [InlineData("SS", true)]
    [InlineData("in", false)]
    [InlineData("XK", false)]
    [InlineData("UK", false)]
    [InlineData("EU", false)]
    public void Only_assigned_upper_case_codes_pass(string code, bool expected) => Assert.Equal(expected, CountryCode.IsAssigned(code));

    [Fact]
    public void Cert_in_annexure_one_has_twenty_categories_with_unique_codes()
    {
        Assert.Equal(20, IncidentCategory.All.Count);
        Assert.Equal(20, IncidentCategory.All.Select(c => c.Code).Distinct().Count());
        Assert.Equal("xx", IncidentCategory.All[^1].Numeral);
    }
}
