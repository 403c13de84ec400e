using Vigil.Domain.Regimes;
using Vigil.Domain.Regimes.Figures;
using static Vigil.Domain.Tests.Regimes.RegimeFixtures;

namespace Vigil.Domain.Tests.Regimes;

public class ComplianceCalculatorTests
{
    private const string Gdpr = "eu-gdpr-art33";
    private const string Complete = """
        {"category": "data-breach", "description": "d", "affected_users": {"total": 1}, "point_of_contact": {"name": "n"}, "actions_taken": "a"}
        """;

    private static EvaluatedIncident Incident(string noticed, string filed, string view)
    {
        var input = Case(Events(("noticed", noticed)), Filed(1, filed, Gdpr, view));
        var clock = ClockAt("2027-01-01T00:00:00Z");
        return new EvaluatedIncident(input, RegimeEvaluator.Evaluate(Get(Gdpr), input, clock), RequestEvaluator.Evaluate(input, clock));
    }

    [Fact]
    public void On_time_rate_delays_and_completeness_over_an_organisations_incidents()
    {
        var figures = ComplianceCalculator.Compute(Get(Gdpr),
        [
            Incident("2026-01-01T00:00:00Z", "2026-01-01T10:00:00Z", Complete),
            Incident("2026-02-01T00:00:00Z", "2026-02-02T00:00:00Z", """{"category": "data-breach", "description": {"unknown": "x"}}"""),
            Incident("2026-03-01T00:00:00Z", "2026-03-05T00:00:00Z", "{}"),
        ]);
        Assert.Equal(3, figures.Incidents);
        Assert.Equal(3, figures.Deadlines);
        Assert.Equal(2, figures.MetOnTime);
        Assert.Equal(2.0 / 3, figures.OnTimeRate!.Value, 6);
        Assert.Equal(TimeSpan.FromHours(24), figures.MedianDelayToFirstReport);
        Assert.Equal(TimeSpan.FromDays(4), figures.P90DelayToFirstReport);
        // Five fields required: all five, two of five (an unknown answers), none.
        Assert.Equal((1 + 0.4 + 0) / 3, figures.CompletenessAtFirstReport!.Value, 6);
        Assert.Equal(0, figures.Requests.Total);
    }

    [Fact]
    public void No_incidents_give_no_rates() =>
        Assert.Equal(new ComplianceFigures(0, 0, 0, null, null, null, null, null, new RequestFigures(0, 0, 0, 0, 0)),
            ComplianceCalculator.Compute(Get(Gdpr), []));

    [Theory]
    [InlineData(new[] { 1 }, 0.5, 1)]
    [InlineData(new[] { 1, 2 }, 0.5, 1)]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 0.9, 9)]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 }, 0.9, 10)]
    public void Percentiles_take_the_nearest_rank(int[] hours, double p, int expected) =>
        Assert.Equal(TimeSpan.FromHours(expected), ComplianceCalculator.Percentile([.. hours.Select(h => TimeSpan.FromHours(h))], p));
}
