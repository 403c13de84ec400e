using Vigil.Domain.Regimes;
using static Vigil.Domain.Tests.Regimes.RegimeFixtures;

namespace Vigil.Domain.Tests.Regimes;

/// <summary>
/// Regimes carry their dates in force as data. An incident received before a regime applied is still evaluated (what
/// the rule would have required), and the verdict says the rule was not in force at the time.
/// </summary>
public class InForceTests
{
    private const string CertIn = "in-cert-in-2022";

    private static RegimeCase ReceivedAt(string at, string regimeId = CertIn) =>
        Case(Events(("noticed", "2019-05-13T09:00:00+05:30")), Filed(1, at, regimeId, """{"category": "malicious-mobile-app"}"""));

    [Fact]
    public void The_2022_Directions_were_not_in_force_for_a_2019_report_and_the_verdict_says_so_beside_the_stages()
    {
        var result = RegimeEvaluator.Evaluate(Get(CertIn), ReceivedAt("2019-05-20T09:00:00+05:30"), ClockAt("2019-11-30T00:00:00Z"));

        Assert.False(result.InForceAtTheTime);
        Assert.StartsWith(RegimeEvaluator.NotInForceAtTheTime, result.InForceRemark, StringComparison.Ordinal);
        Assert.Contains("28 June 2022", result.InForceRemark, StringComparison.Ordinal);
        Assert.Equal(StageState.MetLate, result.Stages.Single(s => s.StageId == "incident_report").State);
    }

    [Fact]
    public void A_report_received_on_the_first_day_in_the_regimes_zone_is_under_the_rule_though_it_is_the_day_before_in_UTC()
    {
        var result = RegimeEvaluator.Evaluate(Get(CertIn), ReceivedAt("2022-06-27T19:00:00Z"), ClockAt("2022-07-01T00:00:00Z"));

        Assert.True(result.InForceAtTheTime);
        Assert.Null(result.InForceRemark);
    }

    [Fact]
    public void A_report_received_the_day_before_the_rule_applied_is_not_under_it() =>
        Assert.False(RegimeEvaluator.Evaluate(Get(CertIn), ReceivedAt("2022-06-27T18:00:00Z"), ClockAt("2022-07-01T00:00:00Z")).InForceAtTheTime);

    [Fact]
    public void NIS2_was_not_in_force_in_2019_either() =>
        Assert.False(RegimeEvaluator.Evaluate(Get("eu-nis2-art23"), ReceivedAt("2019-05-20T09:00:00+05:30", "eu-nis2-art23"), ClockAt("2019-11-30T00:00:00Z"))
            .InForceAtTheTime);

    [Fact]
    public void A_proposed_rule_is_never_in_force_and_says_that_no_date_is_set()
    {
        var result = RegimeEvaluator.Evaluate(Get("us-circia-nprm-2024"), ReceivedAt("2026-01-05T12:00:00Z", "us-circia-nprm-2024"), ClockAt("2026-02-01T00:00:00Z"));

        Assert.False(result.InForceAtTheTime);
        Assert.Contains("no date in force has been set", result.InForceRemark, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_that_has_ended_applies_through_its_last_day_only()
    {
        var ended = new InForce(new DateOnly(2020, 1, 1), new DateOnly(2021, 12, 31));
        var zone = TimeZoneInfo.Utc;

        Assert.True(ended.At(At("2021-12-31T23:59:00Z"), zone));
        Assert.False(ended.At(At("2022-01-01T00:00:00Z"), zone));
        Assert.False(ended.At(At("2019-12-31T23:59:00Z"), zone));
    }

    [Fact]
    public void A_regime_file_without_dates_is_always_in_force() =>
        Assert.Same(InForce.Always, OneStage("UTC", """{"event": "noticed"}""", """{"hours": 1}""").InForce);

    [Theory]
    [InlineData(""" "in_force_from": "28 June 2022", """, "/in_force_from")]
    [InlineData(""" "in_force_from": "2022-06-28", "in_force_until": "2022-01-01", """, "/in_force_until")]
    [InlineData(""" "in_force_until": "2022-01-01", """, "/in_force_until")]
    [InlineData(""" "in_force_from": null, "in_force_until": "2022-01-01", """, "/in_force_until")]
    public void Bad_dates_in_force_stop_the_file_naming_the_member(string members, string pointer)
    {
        var error = Assert.Throws<RegimeFileException>(() => RegimeReader.Read("test-regime.json", $$"""
            {
              "id": "test-regime", "name": "Test", "jurisdiction": "EU", "time_zone": "UTC", {{members}}
              "legal_reference": "https://example.org/law", "sources": ["https://example.org/law"],
              "stages": [{"id": "s", "name": "S", "starts": {"event": "noticed"}, "within": {"hours": 1}, "requires": []}]
            }
            """));
        Assert.Equal(pointer, error.Field);
    }

    [Fact]
    public void Every_shipped_regime_says_when_it_is_in_force() =>
        Assert.All(Directory.GetFiles(Path.Combine(RepositoryRoot(), "regimes"), "*.json"),
            path => Assert.Contains("\"in_force_from\":", File.ReadAllText(path), StringComparison.Ordinal));
}
