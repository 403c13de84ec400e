using System.Text.Json.Nodes;
using Vigil.Domain.Incidents;

namespace Vigil.Domain.Tests.Incidents;

public sealed class TriageSeverityTests
{
    private static JsonObject Fields(string json) => JsonNode.Parse(json)!.AsObject();

    [Fact]
    public void A_report_that_says_nothing_weighty_is_low()
    {
        Assert.Equal(Severity.Low, TriageSeverity.Of("targeted-scanning", Fields("""{"title": "Scans"}""")));
    }

    [Theory]
    [InlineData("""{"critical_systems_affected": true}""", "targeted-scanning", Severity.Medium)]
    [InlineData("""{"affected_users": {"total": 999}}""", "targeted-scanning", Severity.Low)]
    [InlineData("""{"affected_users": {"total": 1000}}""", "targeted-scanning", Severity.Medium)]
    [InlineData("""{"affected_users": {"total": 100000}}""", "targeted-scanning", Severity.Medium)]
    [InlineData("""{"affected_users": {"total": 100000}}""", "data-breach", Severity.High)]
    [InlineData("""{"critical_systems_affected": true, "affected_users": {"total": 5000}}""", "targeted-scanning", Severity.High)]
    [InlineData("""{"critical_systems_affected": true, "affected_users": {"total": 200000}}""", "digital-payment-attack", Severity.Critical)]
    [InlineData("""{"critical_systems_affected": true, "affected_users": {"total": 20000000}}""", "targeted-scanning", Severity.Critical)]
    [InlineData("""{}""", "critical-infrastructure-attack", Severity.Medium)]
    public void Points_add_up_from_critical_systems_people_affected_and_category(string fields, string category, Severity expected)
    {
        Assert.Equal(expected, TriageSeverity.Of(category, Fields(fields)));
    }

    [Theory]
    [InlineData("""{"critical_systems_affected": {"unknown": "still looking"}, "affected_users": {"unknown": "counting"}}""")]
    [InlineData("""{"critical_systems_affected": {"withheld": "TLP:RED"}, "affected_users": {"withheld": "TLP:RED"}}""")]
    [InlineData("""{"critical_systems_affected": false, "affected_users": {"total": 10}}""")]
    public void Unknown_withheld_or_small_facts_add_nothing(string fields)
    {
        Assert.Equal(Severity.Low, TriageSeverity.Of("malicious-code", Fields(fields)));
    }
}
