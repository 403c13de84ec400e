using Vigil.Domain.Regimes;
using static Vigil.Domain.Tests.Regimes.RegimeFixtures;

namespace Vigil.Domain.Tests.Regimes;

public class ReminderScheduleTests
{
    private static readonly TimeSpan[] Leads = [TimeSpan.FromHours(2), TimeSpan.FromMinutes(30)];

    // CERT-In: noticed 09:00 IST, so the report is due 15:00 IST (09:30 UTC).
    private static IReadOnlyList<DueReminder> At(string now, params FiledSubmission[] filed)
    {
        var input = Case(Events(("noticed", "2026-11-29T09:00:00+05:30")), filed);
        var evaluation = RegimeEvaluator.EvaluateCase([Get("in-cert-in-2022")], input, ClockAt(now));
        return ReminderSchedule.Due(evaluation, Leads, RegimeFixtures.At(now));
    }

    [Theory]
    [InlineData("2026-11-29T07:29:59Z", null)]
    [InlineData("2026-11-29T07:30:00Z", 120)]
    [InlineData("2026-11-29T08:59:59Z", 120)]
    [InlineData("2026-11-29T09:00:00Z", 30)]
    [InlineData("2026-11-29T09:30:00Z", 30)]
    [InlineData("2026-11-29T09:30:01Z", 0)]
    public void The_shortest_lead_reached_then_overdue(string now, int? leadMinutes)
    {
        var due = At(now);
        if (leadMinutes is null)
        {
            Assert.Empty(due);
            return;
        }
        var reminder = Assert.Single(due);
        Assert.Equal("in-cert-in-2022/incident_report", reminder.Subject);
        Assert.Equal(RegimeFixtures.At("2026-11-29T09:30:00Z"), reminder.DueAt);
        Assert.Equal(leadMinutes == 0 ? null : TimeSpan.FromMinutes(leadMinutes.Value), reminder.Lead);
    }

    [Fact]
    public void A_met_stage_needs_no_reminder() =>
        Assert.Empty(At("2026-11-29T09:20:00Z", Filed(1, "2026-11-29T09:10:00Z", "in-cert-in-2022")));
}
