using Vigil.Domain.Regimes;
using static Vigil.Domain.Tests.Regimes.RegimeFixtures;

namespace Vigil.Domain.Tests.Regimes;

public class RegimeEvaluatorTests
{
    private const string CertIn = "in-cert-in-2022";
    private static readonly Dictionary<string, DateTimeOffset> NoticedAt10 = Events(("noticed", "2025-06-01T10:00:00+05:30"));

    // Due 16:00 IST. A report exactly at the deadline is on time; one second later it is late by a second.
    [Theory]
    [InlineData("2025-06-01T16:00:00+05:30", StageState.MetOnTime, 0)]
    [InlineData("2025-06-01T16:00:01+05:30", StageState.MetLate, 1)]
    [InlineData("2025-06-01T11:30:00Z", StageState.MetLate, 3600)] // given in UTC
    public void A_report_at_the_deadline_is_on_time_and_a_second_later_is_late(string receivedAt, StageState expected, int lateSeconds)
    {
        var result = RegimeEvaluator.Evaluate(Get(CertIn), Case(NoticedAt10, Filed(1, receivedAt, CertIn)), ClockAt("2025-07-01T00:00:00Z"));
        var stage = result.Stages[0];
        Assert.Equal(expected, stage.State);
        Assert.Equal(lateSeconds == 0 ? null : TimeSpan.FromSeconds(lateSeconds), stage.Lateness);
        Assert.Equal(1, stage.MetBy);
        Assert.Equal(At("2025-06-01T10:30:00Z"), stage.DueUtc);
        Assert.Equal(TimeSpan.Zero, stage.DueUtc!.Value.Offset);
        Assert.Equal(TimeSpan.FromHours(5.5), stage.DueLocal!.Value.Offset);
    }

    [Theory]
    [InlineData("2025-06-01T09:00:00+05:30", StageState.NotStarted)] // the clock event lies ahead of now
    [InlineData("2025-06-01T14:59:59+05:30", StageState.Pending)]
    [InlineData("2025-06-01T15:00:00+05:30", StageState.DueSoon)]
    [InlineData("2025-06-01T16:00:00+05:30", StageState.DueSoon)]
    [InlineData("2025-06-01T16:00:01+05:30", StageState.Overdue)]
    public void An_unmet_stage_moves_from_pending_to_due_soon_to_overdue(string now, StageState expected)
    {
        var result = RegimeEvaluator.Evaluate(Get(CertIn), Case(NoticedAt10), ClockAt(now));
        Assert.Equal(expected, result.Stages[0].State);
        Assert.Equal(12, result.Stages[0].Now.Missing.Count);
    }

    [Fact]
    public void A_regime_with_no_clock_event_yet_has_every_stage_not_started()
    {
        var result = RegimeEvaluator.Evaluate(Get("us-sec-8k-item-1.05"), Case(NoticedAt10), ClockAt("2025-07-01T00:00:00Z"));
        Assert.All(result.Stages, s => Assert.Equal(StageState.NotStarted, s.State));
        Assert.Equal("materiality_determined", result.Stages[0].WaitsFor);
        Assert.Null(result.Stages[0].DueUtc);
    }

    [Fact]
    public void Without_filed_as_each_submission_meets_the_earliest_due_open_stage_and_later_stages_run_from_it()
    {
        const string Nis2 = "eu-nis2-art23";
        var input = Case(Events(("noticed", "2025-01-06T09:00:00+01:00")),
            Filed(1, "2025-01-06T20:00:00+01:00", Nis2),
            Filed(2, "2025-01-10T09:00:00+01:00", Nis2),
            Filed(3, "2025-02-10T08:00:00+01:00", Nis2));
        var stages = RegimeEvaluator.Evaluate(Get(Nis2), input, ClockAt("2025-03-01T00:00:00Z")).Stages;

        Assert.Equal([1L, 2L, null, 3L], stages.Select(s => s.MetBy));
        Assert.Equal(StageState.MetOnTime, stages[0].State);
        Assert.Equal(StageState.MetLate, stages[1].State); // due 9 January 09:00
        Assert.Equal(TimeSpan.FromDays(1), stages[1].Lateness);
        Assert.Equal(StageState.NotStarted, stages[2].State); // intermediate: nobody asked
        Assert.Equal(At("2025-02-10T09:00:00+01:00"), stages[3].DueLocal); // one month after submission 2
        Assert.Equal(StageState.MetOnTime, stages[3].State);
    }

    [Fact]
    public void Filed_as_lets_one_submission_meet_several_stages_and_a_dependent_stage_waits_for_its_predecessor()
    {
        const string Dora = "eu-dora-art19";
        var both = new[] { new StageFiling(Dora, "initial"), new StageFiling(Dora, "intermediate") };
        var input = Case(Events(("noticed", "2025-03-10T09:00:00+01:00"), ("classified_major", "2025-03-10T10:00:00+01:00")),
            Filed(1, "2025-03-10T13:00:00+01:00", Dora, filedAs: both),
            Filed(2, "2025-03-12T10:00:00+01:00", Dora, filedAs: [new StageFiling(Dora, "intermediate")]),
            Filed(3, "2025-03-13T10:00:00+01:00", Dora, filedAs: [new StageFiling("eu-gdpr-art33", "notification")]));
        var stages = RegimeEvaluator.Evaluate(Get(Dora), input, ClockAt("2025-03-20T00:00:00Z")).Stages;

        Assert.Equal([1L, 1L, null], stages.Select(s => s.MetBy));
        // The final report runs from the latest intermediate filing (submission 2), not the first.
        Assert.Equal(At("2025-04-14T12:00:00+02:00"), stages[2].DueLocal); // 12 April 2025 is a Saturday
        Assert.Equal(StageState.Pending, stages[2].State);
    }

    [Fact]
    public void A_stage_waits_until_its_predecessor_is_filed()
    {
        const string Dora = "eu-dora-art19";
        var input = Case(Events(("noticed", "2025-03-10T09:00:00+01:00"), ("classified_major", "2025-03-10T10:00:00+01:00")),
            Filed(1, "2025-03-10T13:00:00+01:00", Dora));
        var stages = RegimeEvaluator.Evaluate(Get(Dora), input, ClockAt("2025-03-11T00:00:00Z")).Stages;
        Assert.Equal(StageState.MetOnTime, stages[0].State);
        Assert.Equal(At("2025-03-13T13:00:00+01:00"), stages[1].DueLocal);
        Assert.Equal(StageState.NotStarted, stages[2].State);
        Assert.Equal("stage intermediate filed (latest filing)", stages[2].WaitsFor);
    }

    [Fact]
    public void A_submission_counts_only_under_the_regimes_it_is_filed_under()
    {
        var input = Case(NoticedAt10, Filed(1, "2025-06-01T11:00:00+05:30", "eu-gdpr-art33"));
        var stage = RegimeEvaluator.Evaluate(Get(CertIn), input, ClockAt("2025-06-01T12:00:00+05:30")).Stages[0];
        Assert.Equal(StageState.Pending, stage.State);
        Assert.Null(stage.MetBy);
    }

    [Fact]
    public void One_case_is_evaluated_under_every_regime_it_is_filed_under()
    {
        var events = Events(("noticed", "2025-06-02T08:00:00+02:00"));
        var submission = new FiledSubmission(1, "report", At("2025-06-02T12:00:00+02:00"), [CertIn, "eu-gdpr-art33"], View("{}"));
        var result = RegimeEvaluator.EvaluateCase([Get(CertIn), Get("eu-gdpr-art33")], new RegimeCase(events, [submission], []),
            ClockAt("2025-06-03T00:00:00Z"));
        Assert.Equal([StageState.MetOnTime, StageState.MetOnTime],
            result.Regimes.Select(r => r.Stages[0].State));
        Assert.Equal("met_on_time", result.Regimes[0].Stages[0].StateName);
    }

    [Fact]
    public void A_without_delay_stage_is_met_first_and_never_overdue()
    {
        const string Dpdp = "in-dpdp-2025-rule7";
        var events = Events(("noticed", "2027-06-01T10:00:00+05:30"));
        var pending = RegimeEvaluator.Evaluate(Get(Dpdp), Case(events), ClockAt("2028-01-01T00:00:00Z")).Stages;
        Assert.Equal([StageState.Pending, StageState.Overdue], pending.Select(s => s.State));

        var met = RegimeEvaluator.Evaluate(Get(Dpdp), Case(events, Filed(1, "2027-06-05T10:00:00+05:30", Dpdp)), ClockAt("2028-01-01T00:00:00Z")).Stages;
        Assert.Equal([StageState.MetOnTime, StageState.Overdue], met.Select(s => s.State));
    }
}
