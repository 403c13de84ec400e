using System.Text.Json;
using Vigil.Domain.Incidents;

namespace Vigil.Domain.Tests.Incidents;

public class SubmissionReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private const string MinimalReport = """
        {"title": "VoIP stack exploited", "category": "malicious-code", "description": "Calls installed spyware.",
         "detected_at": "2019-05-13T09:00:00+05:30"}
        """;

    private static SubmissionRead Report(string json) => SubmissionReader.ReadReport(JsonDocument.Parse(json).RootElement, Now);

    private static SubmissionRead Update(string json) => SubmissionReader.ReadUpdate(JsonDocument.Parse(json).RootElement, Now);

    private static string[] Pointers(SubmissionRead read) => [.. read.Errors.Select(e => e.Pointer)];

    [Fact]
    public void A_minimal_report_is_valid()
    {
        var read = Report(MinimalReport);
        Assert.True(read.IsValid, string.Join("; ", read.Errors));
        Assert.Equal(4, read.Fields.Count);
    }

    [Fact]
    public void Missing_required_fields_are_each_named()
    {
        var read = Report("{}");
        Assert.Equal(["/title", "/category", "/description", "/detected_at"], Pointers(read));
    }

    [Fact]
    public void Every_bad_field_is_named_in_one_pass()
    {
        var read = Report("""
            {"title": 7, "category": "bogus", "description": "", "detected_at": "2019-05-13 09:00",
             "colour": "red", "tlp": "AMBER-STRICT",
             "affected_users": {"total": 100, "as_of": "2019-05-14T00:00:00Z",
                                "by_country": [{"country": "IN", "count": 121, "as_of": "2019-05-14T00:00:00Z"},
                                               {"country": "ZZ", "count": 1, "as_of": "2019-05-14T00:00:00Z"}]},
             "indicators": [{"type": "domain", "value": "not a domain"}, {"type": "sha256", "value": "abc"}, {"type": "ipv4", "value": "1"}],
             "point_of_contact": {"name": "A", "email": "nobody"}}
            """);
        Assert.Equal(
            ["/title", "/category", "/description", "/detected_at", "/colour", "/tlp",
             "/affected_users/by_country/1/country", "/affected_users/by_country",
             "/indicators/0/value", "/indicators/1/value", "/indicators/2/value", "/point_of_contact/email"],
            Pointers(read));
    }

    [Theory]
    [InlineData("2019-05-13T09:00:00", "offset")]
    [InlineData("2019-02-30T09:00:00Z", "not a valid")]
    [InlineData("2026-11-30T12:06:00Z", "future")]
    public void Times_need_an_offset_a_real_date_and_not_the_future(string value, string reason)
    {
        var read = Report(MinimalReport.Replace("2019-05-13T09:00:00+05:30", value, StringComparison.Ordinal));
        var error = Assert.Single(read.Errors);
        Assert.Equal("/detected_at", error.Pointer);
        Assert.Contains(reason, error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Five_minutes_of_clock_skew_are_tolerated() =>
        Assert.True(Report(MinimalReport.Replace("2019-05-13T09:00:00+05:30", "2026-11-30T12:04:59Z", StringComparison.Ordinal)).IsValid);

    [Fact]
    public void A_declared_unknown_is_kept_with_its_reason()
    {
        var read = Report(MinimalReport.TrimEnd().TrimEnd('}') + """, "occurred_at": {"unknown": "investigation ongoing"}}""");
        Assert.True(read.IsValid, string.Join("; ", read.Errors));
        Assert.Equal("investigation ongoing", UnknownDeclaration.ReasonOf(read.Fields["occurred_at"]));
    }

    [Theory]
    [InlineData("""{"unknown": ""}""", "/occurred_at/unknown")]
    [InlineData("""{"unknown": "x", "since": "now"}""", "/occurred_at/since")]
    [InlineData("null", "/occurred_at")]
    public void Malformed_unknown_declarations_are_rejected(string value, string pointer)
    {
        var read = Report(MinimalReport.TrimEnd().TrimEnd('}') + $$""", "occurred_at": {{value}}}""");
        Assert.Equal([pointer], Pointers(read));
    }

    [Fact]
    public void Required_fields_cannot_be_declared_unknown() =>
        Assert.Equal(["/title"], Pointers(Report(MinimalReport.Replace("\"VoIP stack exploited\"", """{"unknown": "not sure"}""", StringComparison.Ordinal))));

    [Fact]
    public void Oversize_strings_are_rejected()
    {
        var read = Report(MinimalReport.Replace("VoIP stack exploited", new string('x', 301), StringComparison.Ordinal));
        Assert.Contains("at most 300", Assert.Single(read.Errors).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_update_needs_a_narrative_and_nothing_else()
    {
        Assert.Equal(["/narrative"], Pointers(Update("""{"title": "new title"}""")));
        var read = Update("""{"narrative": "more users found"}""");
        Assert.True(read.IsValid);
        Assert.Equal("more users found", read.Narrative);
        Assert.Empty(read.Fields);
    }

    [Fact]
    public void Valid_indicators_of_every_type_pass()
    {
        var read = Update("""
            {"narrative": "iocs", "indicators": [
              {"type": "domain", "value": "wha.tsapp.me"}, {"type": "domain", "value": "bücher.example"},
              {"type": "url", "value": "https://x.example/a?b=c"}, {"type": "ipv4", "value": "192.0.2.1"},
              {"type": "ipv4", "value": "198.51.100.0/24"}, {"type": "ipv6", "value": "2001:db8::1"},
              {"type": "email", "value": "a@b.example"}, {"type": "md5", "value": "d41d8cd98f00b204e9800998ecf8427e"},
              {"type": "sha1", "value": "da39a3ee5e6b4b0d3255bfef95601890afd80709"},
              {"type": "sha256", "value": "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"},
              {"type": "file_name", "value": "bh"}, {"type": "process_name", "value": "roleaccountd"},
              {"type": "app_id", "value": "com.whatsapp"}]}
            """);
        Assert.True(read.IsValid, string.Join("; ", read.Errors));
    }

    [Fact]
    public void Duplicate_countries_and_regimes_are_rejected()
    {
        var read = Update("""
            {"narrative": "n", "regimes": ["cert-in-2022", "cert-in-2022"],
             "affected_users": {"total": 5, "as_of": "2019-05-14T00:00:00Z", "by_country": [
               {"country": "IN", "count": 1, "as_of": "2019-05-14T00:00:00Z"}, {"country": "IN", "count": 1, "as_of": "2019-05-14T00:00:00Z"}]}}
            """);
        Assert.Equal(["/regimes/1", "/affected_users/by_country/1/country"], Pointers(read));
    }

    [Fact]
    public void A_body_that_is_not_an_object_is_rejected() => Assert.Equal([""], Pointers(Report("[1]")));
}
