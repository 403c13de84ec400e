using Vigil.Domain.Regimes;
using static Vigil.Domain.Tests.Regimes.RegimeFixtures;

namespace Vigil.Domain.Tests.Regimes;

/// <summary>The shipped regimes' due times through the offline calculator, one row per case that breaks naive code.</summary>
public class RegimeDeadlineTests
{
    public static TheoryData<string, string, string, string, string> Rows => new()
    {
        // regime, stage, clock events ("name=time;..."), expected due, why the row is here
        { "in-cert-in-2022", "incident_report", "noticed=2025-06-01T10:00:00+05:30", "2025-06-01T16:00:00+05:30", "6 hours, shown in IST" },
        { "in-cert-in-2022", "incident_report", "noticed=2025-06-01T20:00:00Z", "2025-06-02T07:30:00+05:30", "a UTC clock start shown in IST" },
        { "in-dpdp-2025-rule7", "detailed_report", "noticed=2027-06-01T10:00:00+05:30", "2027-06-04T10:00:00+05:30", "72 hours" },
        { "eu-nis2-art23", "early_warning", "noticed=2025-03-29T12:00:00+01:00", "2025-03-30T13:00:00+02:00", "24 h across spring-forward" },
        { "eu-nis2-art23", "notification", "noticed=2025-10-24T12:00:00+02:00", "2025-10-27T11:00:00+01:00", "72 h across fall-back" },
        { "eu-nis2-art23", "final", "noticed=2025-01-28T10:00:00+01:00", "2025-02-28T10:00:00+01:00", "1 month after a notification at its deadline, 31 January" },
        { "eu-gdpr-art33", "notification", "noticed=2025-05-02T18:00:00+02:00", "2025-05-05T18:00:00+02:00", "72 h runs through a weekend" },
        { "eu-dora-art19", "initial", "noticed=2025-03-10T09:00:00+01:00;classified_major=2025-03-10T12:00:00+01:00", "2025-03-10T16:00:00+01:00", "4 h after classification" },
        { "eu-dora-art19", "initial", "noticed=2025-03-10T09:00:00+01:00;classified_major=2025-03-11T07:00:00+01:00", "2025-03-11T09:00:00+01:00", "the 24 h backstop bites" },
        { "eu-dora-art19", "initial", "noticed=2025-03-15T07:00:00+01:00;classified_major=2025-03-15T08:00:00+01:00", "2025-03-17T12:00:00+01:00", "Saturday: noon of the next working day" },
        { "eu-dora-art19", "intermediate", "noticed=2025-04-16T07:00:00+02:00;classified_major=2025-04-16T06:00:00+02:00", "2025-04-22T12:00:00+02:00", "72 h after the initial lands on Saturday; Easter Monday is closed" },
        { "eu-dora-art19", "final", "noticed=2025-01-27T07:00:00+01:00;classified_major=2025-01-27T08:00:00+01:00", "2025-02-28T12:00:00+01:00", "initial due Monday noon, intermediate Thursday 30 January, final one month later clamps to 28 February" },
        { "us-sec-8k-item-1.05", "form_8k", "materiality_determined=2024-03-04T10:00:00-05:00", "2024-03-08T17:30:00-05:00", "Monday to Friday" },
        { "us-sec-8k-item-1.05", "form_8k", "materiality_determined=2024-03-07T10:00:00-05:00", "2024-03-13T17:30:00-04:00", "across a weekend and the DST change" },
        { "us-sec-8k-item-1.05", "form_8k", "materiality_determined=2024-11-27T10:00:00-05:00", "2024-12-04T17:30:00-05:00", "Thanksgiving" },
        { "us-sec-8k-item-1.05", "form_8k", "materiality_determined=2021-12-28T10:00:00-05:00", "2022-01-04T17:30:00-05:00", "New Year's Day observed on Friday 31 December" },
        { "us-sec-8k-item-1.05", "form_8k", "materiality_determined=2023-11-09T10:00:00-05:00", "2023-11-16T17:30:00-05:00", "Veterans Day observed on Friday 10 November" },
        { "us-sec-8k-item-1.05", "form_8k", "materiality_determined=2024-06-15T10:00:00-04:00", "2024-06-21T17:30:00-04:00", "determined on a Saturday; Juneteenth" },
        { "us-circia-nprm-2024", "ransom_payment_report", "noticed=2025-03-01T00:00:00Z;ransom_paid=2025-03-08T20:00:00-05:00", "2025-03-09T21:00:00-04:00", "24 h across the New York DST change" },
        { "eu-cra-art14", "final", "noticed=2026-10-01T09:00:00+02:00;fix_available=2026-10-20T15:00:00+02:00", "2026-11-03T15:00:00+01:00", "14 calendar days across fall-back" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Stage_is_due_at(string regimeId, string stageId, string events, string expected, string why)
    {
        var sheet = DeadlineCalculator.Calculate(Get(regimeId), ParseEvents(events));
        var line = sheet.Stages.Single(s => s.StageId == stageId);
        Assert.True(At(expected) == line.Due, $"{why}: expected {expected}, got {line.Due:o} ({line.Basis})");
        Assert.Equal(At(expected).Offset, line.Due!.Value.Offset);
    }

    [Fact]
    public void A_regime_with_no_clock_event_yet_lists_every_stage_with_what_it_waits_for()
    {
        var sheet = DeadlineCalculator.Calculate(Get("us-sec-8k-item-1.05"), Events());
        Assert.All(sheet.Stages, s => Assert.Null(s.Due));
        Assert.Equal(["materiality_determined", "new_information"], sheet.Stages.Select(s => s.WaitsFor));
    }

    [Fact]
    public void Stages_that_run_from_an_earlier_stage_wait_for_it_and_say_what_they_assume()
    {
        var waiting = DeadlineCalculator.Calculate(Get("eu-dora-art19"), Events(("noticed", "2025-03-10T09:00:00+01:00")));
        Assert.Equal(["classified_major", "stage initial filed", "stage intermediate filed (latest filing)"], waiting.Stages.Select(s => s.WaitsFor));

        var assumed = DeadlineCalculator.Calculate(Get("eu-nis2-art23"), Events(("noticed", "2025-03-10T09:00:00+01:00")));
        Assert.Contains("assumed at its deadline", assumed.Stages.Single(s => s.StageId == "final").Basis, StringComparison.Ordinal);
        var filed = DeadlineCalculator.Calculate(Get("eu-nis2-art23"), Events(("noticed", "2025-03-10T09:00:00+01:00")),
            Events(("notification", "2025-03-11T09:00:00+01:00")));
        Assert.Equal(At("2025-04-11T09:00:00+02:00"), filed.Stages.Single(s => s.StageId == "final").Due);
    }

    [Fact]
    public void The_basis_explains_backstops_and_moves()
    {
        var sheet = DeadlineCalculator.Calculate(Get("eu-dora-art19"),
            Events(("noticed", "2025-03-14T13:00:00+01:00"), ("classified_major", "2025-03-15T10:00:00+01:00")));
        var basis = sheet.Stages[0].Basis;
        Assert.Contains("backstop", basis, StringComparison.Ordinal);
        Assert.Contains("non-working Saturday", basis, StringComparison.Ordinal);
        Assert.Equal(At("2025-03-17T12:00:00+01:00"), sheet.Stages[0].Due);
    }

    private static Dictionary<string, DateTimeOffset> ParseEvents(string events) =>
        Events([.. events.Split(';').Select(e => e.Split('=')).Select(p => (p[0], p[1]))]);
}
