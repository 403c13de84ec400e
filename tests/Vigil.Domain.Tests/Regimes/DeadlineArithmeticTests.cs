using Vigil.Domain.Regimes;
using static Vigil.Domain.Tests.Regimes.RegimeFixtures;

namespace Vigil.Domain.Tests.Regimes;

public class DeadlineArithmeticTests
{
    // Hours are elapsed time; days and months keep the wall-clock time. The due times carry the zone's offset.
    [Theory]
    [InlineData("Europe/Berlin", """{"hours": 24}""", "2025-03-29T12:00:00+01:00", "2025-03-30T13:00:00+02:00")] // spring forward
    [InlineData("Europe/Berlin", """{"days": 1}""", "2025-03-29T12:00:00+01:00", "2025-03-30T12:00:00+02:00")]
    [InlineData("Europe/Berlin", """{"hours": 24}""", "2025-10-25T12:00:00+02:00", "2025-10-26T11:00:00+01:00")] // fall back
    [InlineData("Europe/Berlin", """{"days": 1}""", "2025-10-25T12:00:00+02:00", "2025-10-26T12:00:00+01:00")]
    [InlineData("Europe/Berlin", """{"days": 1}""", "2025-03-29T02:30:00+01:00", "2025-03-30T03:30:00+02:00")] // into the gap
    [InlineData("Europe/Berlin", """{"days": 1}""", "2025-10-25T02:30:00+02:00", "2025-10-26T02:30:00+02:00")] // twice: the first
    [InlineData("Europe/Berlin", """{"months": 1}""", "2025-03-10T10:00:00+01:00", "2025-04-10T10:00:00+02:00")]
    [InlineData("America/New_York", """{"hours": 24}""", "2025-03-08T12:00:00-05:00", "2025-03-09T13:00:00-04:00")]
    [InlineData("America/New_York", """{"days": 1}""", "2025-03-08T12:00:00-05:00", "2025-03-09T12:00:00-04:00")]
    [InlineData("America/New_York", """{"hours": 72}""", "2025-11-01T12:00:00-04:00", "2025-11-04T11:00:00-05:00")]
    [InlineData("America/New_York", """{"days": 3}""", "2025-11-01T12:00:00-04:00", "2025-11-04T12:00:00-05:00")]
    [InlineData("Europe/Berlin", """{"months": 1}""", "2025-01-31T10:00:00+01:00", "2025-02-28T10:00:00+01:00")] // clamps
    [InlineData("Europe/Berlin", """{"months": 1}""", "2025-01-30T10:00:00+01:00", "2025-02-28T10:00:00+01:00")]
    [InlineData("Europe/Berlin", """{"months": 1}""", "2024-01-31T10:00:00+01:00", "2024-02-29T10:00:00+01:00")] // leap year
    [InlineData("Europe/Berlin", """{"months": 1}""", "2025-02-28T10:00:00+01:00", "2025-03-28T10:00:00+01:00")]
    public void Periods_in_a_zone(string zone, string within, string start, string expected)
    {
        var regime = OneStage(zone, """{"event": "noticed"}""", within);
        var line = Assert.Single(DeadlineCalculator.Calculate(regime, Events(("noticed", start))).Stages);
        Assert.Equal(At(expected), line.Due);
        Assert.Equal(At(expected).Offset, line.Due!.Value.Offset);
    }

    [Fact]
    public void A_start_given_in_UTC_is_counted_on_the_home_zones_calendar()
    {
        // 03:00 UTC on Saturday is 22:00 on Friday in New York: Friday is day 0, so the fourth business day is Thursday.
        var regime = OneStage("America/New_York", """{"event": "noticed"}""", """{"business_days": 4, "calendar": "us-federal", "until": "17:30"}""");
        var line = Assert.Single(DeadlineCalculator.Calculate(regime, Events(("noticed", "2024-03-02T03:00:00Z"))).Stages);
        Assert.Equal(At("2024-03-07T17:30:00-05:00"), line.Due);
    }
}
