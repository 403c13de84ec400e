using Vigil.Domain.Regimes;
using static Vigil.Domain.Tests.Regimes.RegimeFixtures;

namespace Vigil.Domain.Tests.Regimes;

/// <summary>
/// The 2019 case (../shared/data/examples/2019-case.json) replayed under today's CERT-In Directions. The record gives
/// dates only; this test assumes 09:00 IST for each: noticed 13 May 2019, reported 20 May, updated 5 September.
/// </summary>
public class Replay2019Tests
{
    private const string CertIn = "in-cert-in-2022";

    private const string Report = """
        {
          "title": "Exploitation of a buffer overflow in the VoIP stack of a messaging app",
          "category": "malicious-mobile-app",
          "description": "A crafted call could run code on the target's phone; the attack has been fixed server-side and in the app.",
          "occurred_at": "2019-04-29T00:00:00Z",
          "detected_at": "2019-05-13T09:00:00+05:30",
          "affected_systems": [{"vendor": "WhatsApp", "product": "WhatsApp for Android", "version": "before 2.19.134"}],
          "indicators": {"unknown": "under investigation"},
          "actions_taken": "Fixed the server-side infrastructure and shipped app updates (CVE-2019-3568)."
        }
        """;

    // The September update adds what the vendor then said and still leaves the users by country to October.
    private const string AfterUpdate = """
        {
          "title": "Exploitation of a buffer overflow in the VoIP stack of a messaging app",
          "category": "malicious-mobile-app",
          "description": "A crafted call could run code on the target's phone; the full extent of the attack may never be known.",
          "occurred_at": "2019-04-29T00:00:00Z",
          "detected_at": "2019-05-13T09:00:00+05:30",
          "affected_systems": [{"vendor": "WhatsApp", "product": "WhatsApp for Android", "version": "before 2.19.134"}],
          "indicators": {"unknown": "under investigation"},
          "actions_taken": "Fixed the server-side infrastructure and shipped app updates (CVE-2019-3568).",
          "symptoms": "Missed calls from unknown numbers; call logs altered.",
          "affected_users": {"unknown": "the full extent may never be known"},
          "point_of_contact": {"name": "Security team", "email": "security@example.com"}
        }
        """;

    [Fact]
    public void The_report_is_late_by_6_days_18_hours_and_incomplete_at_each_submission()
    {
        var input = Case(Events(("noticed", "2019-05-13T09:00:00+05:30")),
            Filed(1, "2019-05-20T09:00:00+05:30", CertIn, Report),
            Filed(2, "2019-09-05T09:00:00+05:30", CertIn, AfterUpdate));
        var result = RegimeEvaluator.Evaluate(Get(CertIn), input, ClockAt("2019-11-30T00:00:00Z"));
        var report = result.Stages.Single(s => s.StageId == "incident_report");

        Assert.Equal(At("2019-05-13T15:00:00+05:30"), report.DueLocal);
        Assert.Equal(StageState.MetLate, report.State);
        Assert.Equal(new TimeSpan(6, 18, 0, 0), report.Lateness);
        Assert.Equal(1, report.MetBy);

        Assert.Equal(["symptoms", "security_systems", "agencies_notified", "point_of_contact", "affected_users.by_country"], report.AtFiling!.Missing);
        Assert.Equal(["indicators"], report.AtFiling.DeclaredUnknown);
        Assert.Equal(["security_systems", "agencies_notified"], report.Now.Missing);
        Assert.Equal(["indicators", "affected_users.by_country"], report.Now.DeclaredUnknown);

        // The update was not asked for, so it meets no stage: "further information" waits for an order from CERT-In.
        Assert.Equal(StageState.NotStarted, result.Stages.Single(s => s.StageId == "further_information").State);
    }
}
