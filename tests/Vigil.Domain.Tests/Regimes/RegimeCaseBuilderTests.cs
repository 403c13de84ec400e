using System.Text.Json.Nodes;
using Vigil.Domain.Regimes;
using static Vigil.Domain.Tests.Regimes.RegimeFixtures;

namespace Vigil.Domain.Tests.Regimes;

public class RegimeCaseBuilderTests
{
    private static RecordedSubmission Recorded(long sequence, string kind, string at, string content) =>
        new(sequence, kind, At(at), JsonNode.Parse(content)!.AsObject());

    [Fact]
    public void The_record_becomes_clock_events_filings_and_requests()
    {
        var input = RegimeCaseBuilder.Build(
        [
            Recorded(3, "request", "2026-11-30T10:00:00Z", """
                {"question": "Users by country?", "wanted_fields": ["affected_users.by_country"], "due_at": "2026-12-01T10:00:00Z",
                 "for_stage": {"regime": "in-cert-in-2022", "stage": "further_information"}}
                """),
            Recorded(1, "report", "2026-11-29T10:00:00Z", """
                {"title": "t", "detected_at": "2026-11-29T09:00:00+05:30", "occurred_at": {"unknown": "not yet"}, "regimes": ["in-cert-in-2022"],
                 "filed_as": [{"regime": "in-cert-in-2022", "stage": "incident_report"}]}
                """),
            Recorded(2, "status", "2026-11-29T11:00:00Z", """{"status": "triaged", "reason": "r"}"""),
            Recorded(4, "update", "2026-12-02T10:00:00Z", """
                {"narrative": "n", "answers_request": 3, "ransom_paid_at": "2026-11-30T08:00:00Z"}
                """),
        ]);

        Assert.Equal(new Dictionary<string, DateTimeOffset> { ["noticed"] = At("2026-11-29T03:30:00Z"), ["ransom_paid"] = At("2026-11-30T08:00:00Z") }, input.ClockEvents);
        Assert.Equal([1L, 4L], input.Submissions.Select(s => s.Sequence));
        Assert.Equal([new StageFiling("in-cert-in-2022", "incident_report")], input.Submissions[0].FiledAs);
        Assert.Null(input.Submissions[1].FiledAs);
        Assert.Equal("3", input.Submissions[1].AnswersRequest);
        Assert.Equal(["in-cert-in-2022"], input.Submissions[1].RegimeIds);
        Assert.Equal("triaged", input.Submissions[1].ViewAfter["status"]!.GetValue<string>());
        Assert.False(input.Submissions[1].ViewAfter.ContainsKey("question"));

        var request = Assert.Single(input.Requests);
        Assert.Equal(("3", At("2026-11-30T10:00:00Z"), At("2026-12-01T10:00:00Z")), (request.Id, request.OpenedAt, request.DueAt));
        Assert.Equal(new StageFiling("in-cert-in-2022", "further_information"), request.ForStage);

        var verdict = RegimeEvaluator.EvaluateCase([Get("in-cert-in-2022")], input, ClockAt("2026-12-03T00:00:00Z"));
        Assert.Equal(RequestState.AnsweredLate, Assert.Single(verdict.Requests).State);
        Assert.Equal(TimeSpan.FromDays(1), verdict.Requests[0].Lateness);
    }

    [Fact]
    public void A_filing_confirmed_from_a_mail_counts_from_the_mails_arrival_and_never_from_a_later_one()
    {
        var input = RegimeCaseBuilder.Build(
        [
            Recorded(1, "report", "2026-11-29T20:00:00Z", """
                {"title": "t", "detected_at": "2026-11-29T09:00:00Z", "received_by_mail_at": "2026-11-29T10:00:00.0000000Z"}
                """),
            Recorded(2, "update", "2026-11-30T10:00:00Z", """{"narrative": "n", "received_by_mail_at": "2026-12-01T10:00:00.0000000Z"}"""),
        ]);

        Assert.Equal(At("2026-11-29T10:00:00Z"), input.Submissions[0].ReceivedAt);
        Assert.False(input.Submissions[0].ViewAfter.ContainsKey("received_by_mail_at"));
        // A mail time after the recording cannot be: the recording stands.
        Assert.Equal(At("2026-11-30T10:00:00Z"), input.Submissions[1].ReceivedAt);
    }
}
