using Vigil.Domain.Regimes;
using static Vigil.Domain.Tests.Regimes.RegimeFixtures;

namespace Vigil.Domain.Tests.Regimes;

public class InformationRequestTests
{
    private const string CertIn = "in-cert-in-2022";
    private static readonly InformationRequest ByCountry = new("rfi-1", "How many targeted users are in India?",
        ["affected_users.by_country"], At("2019-11-01T10:00:00+05:30"), At("2019-11-04T10:00:00+05:30"),
        new StageFiling(CertIn, "further_information"));

    private static RegimeCase WithAnswerAt(string at) => new(Events(("noticed", "2019-05-13T09:00:00+05:30")),
    [
        Filed(1, "2019-05-20T09:00:00+05:30", CertIn, """{"affected_users": {"total": 1400}}"""),
        Filed(2, at, CertIn, """{"affected_users": {"total": 1400, "by_country": [{"country": "IN", "count": 121, "as_of": "2019-11-05T00:00:00Z"}]}}""", answers: "rfi-1"),
    ], [ByCountry]);

    [Fact]
    public void A_late_answer_is_late_by_the_right_amount_and_its_fields_are_answered_afterwards()
    {
        var input = WithAnswerAt("2019-11-05T12:30:00+05:30");
        var request = Assert.Single(RequestEvaluator.Evaluate(input, ClockAt("2019-12-01T00:00:00Z")));
        Assert.Equal(RequestState.AnsweredLate, request.State);
        Assert.Equal("answered_late", request.StateName);
        Assert.Equal(new TimeSpan(1, 2, 30, 0), request.Lateness);
        Assert.Equal(2, request.AnsweredBy);
        Assert.Empty(request.AtAnswer!.Missing);
        Assert.Empty(request.Now.Missing);

        // The request opened CERT-In's "further information" stage and set its due time.
        var stage = RegimeEvaluator.Evaluate(Get(CertIn), input, ClockAt("2019-12-01T00:00:00Z")).Stages[1];
        Assert.Equal(StageState.MetLate, stage.State);
        Assert.Equal(new TimeSpan(1, 2, 30, 0), stage.Lateness);
        Assert.Equal(["affected_users.by_country"], stage.Required);
    }

    [Theory]
    [InlineData("2019-11-03T00:00:00Z", RequestState.Open)]
    [InlineData("2019-11-04T10:00:00+05:30", RequestState.Open)]
    [InlineData("2019-11-04T10:00:01+05:30", RequestState.Overdue)]
    public void An_unanswered_request_is_open_until_its_due_time_then_overdue(string now, RequestState expected)
    {
        var input = new RegimeCase(Events(), [Filed(1, "2019-05-20T09:00:00+05:30", CertIn)], [ByCountry]);
        var request = Assert.Single(RequestEvaluator.Evaluate(input, ClockAt(now)));
        Assert.Equal(expected, request.State);
        Assert.Equal(["affected_users.by_country"], request.Now.Missing);
    }

    [Fact]
    public void An_answer_at_the_due_time_is_on_time()
    {
        var request = Assert.Single(RequestEvaluator.Evaluate(WithAnswerAt("2019-11-04T10:00:00+05:30"), ClockAt("2019-12-01T00:00:00Z")));
        Assert.Equal(RequestState.AnsweredOnTime, request.State);
        Assert.Null(request.Lateness);
    }
}
