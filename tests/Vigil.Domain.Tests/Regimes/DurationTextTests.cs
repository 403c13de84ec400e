using System.Globalization;
using Vigil.Domain.Json;
using Vigil.Domain.Regimes;

namespace Vigil.Domain.Tests.Regimes;

/// <summary>Issue 14, first use: durations for machines (whole seconds) and for people (days and hours), one shape each.</summary>
public sealed class DurationTextTests
{
    // The late_by the issue quotes: P2762DT7H31M21.767926S.
    private static readonly TimeSpan Quoted = new TimeSpan(2762, 7, 31, 21) + TimeSpan.FromTicks(7679260);

    [Fact]
    public void Json_durations_are_whole_seconds_rounded_up()
    {
        Assert.Equal("P2762DT7H31M22S", IsoDuration.Format(Quoted));
        Assert.Equal("P6DT18H", IsoDuration.Format(TimeSpan.FromHours(162)));
        Assert.Equal("PT1S", IsoDuration.Format(TimeSpan.FromMilliseconds(300)));
        Assert.Equal("-PT2S", IsoDuration.Format(TimeSpan.FromMilliseconds(-1500)));
        Assert.Null(IsoDuration.Format((TimeSpan?)null));
    }

    [Theory]
    [InlineData(0, 0, 0, "0 min")]
    [InlineData(0, 3, 12, "3 h 12 min")]
    [InlineData(1, 0, 5, "1 day")]
    [InlineData(2, 4, 0, "2 days 4 h")]
    public void People_read_days_hours_and_minutes_under_a_day(int days, int hours, int minutes, string expected) =>
        Assert.Equal(expected, DurationText.English(new TimeSpan(days, hours, minutes, 0)));

    [Fact]
    public void The_quoted_lateness_reads_as_the_issue_asks_in_english_and_in_hindi()
    {
        Assert.Equal("2,762 days 7 h", DurationText.English(Quoted));
        var hindi = new DurationUnits("{0} दिन", "{0} दिन", "{0} घं", "{0} मि");
        Assert.Equal("2,762 दिन 7 घं", DurationText.Format(Quoted, hindi, CultureInfo.GetCultureInfo("hi-IN")));
    }
}
