using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Domain.Incidents;
using Vigil.Domain.Regimes;
using Vigil.Domain.Tests.Regimes;

namespace Vigil.Domain.Tests.Incidents;

/// <summary>The incident fields behind the other clock events, and the members that say which stages a submission files.</summary>
public class ClockFieldsAndFilingsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static SubmissionRead Update(string members, RegimeCatalog? catalog = null) =>
        SubmissionReader.ReadUpdate(JsonDocument.Parse($$"""{"narrative": "n", {{members}}}""").RootElement, Now, catalog);

    private static string[] Pointers(SubmissionRead read) => [.. read.Errors.Select(e => e.Pointer)];

    [Theory]
    [InlineData("classified_major_at")]
    [InlineData("materiality_determined_at")]
    [InlineData("ransom_paid_at")]
    [InlineData("fix_available_at")]
    [InlineData("new_information_at")]
    public void Each_clock_field_takes_a_time_or_a_declared_unknown_and_refuses_the_future(string field)
    {
        Assert.True(Update($"\"{field}\": \"2026-11-29T09:00:00+05:30\"").IsValid);
        Assert.True(Update($"\"{field}\": {{\"unknown\": \"the board meets on Monday\"}}").IsValid);
        Assert.Equal([$"/{field}"], Pointers(Update($"\"{field}\": \"2026-12-30T09:00:00Z\"")));
        Assert.Equal([$"/{field}"], Pointers(Update($"\"{field}\": \"yesterday\"")));
    }

    [Fact]
    public void A_delay_reason_is_text_and_cannot_be_declared_unknown()
    {
        Assert.True(Update("\"delay_reason\": \"The breach was found during a holiday shutdown.\"").IsValid);
        Assert.Equal(["/delay_reason"], Pointers(Update("\"delay_reason\": {\"unknown\": \"why\"}")));
        Assert.Equal(["/delay_reason"], Pointers(Update("\"delay_reason\": \"\"")));
    }

    [Fact]
    public void Every_clock_event_has_an_incident_field() =>
        Assert.All(ClockEvents.All, e => Assert.True(IncidentFields.ByName.ContainsKey(IncidentFields.ClockEventFields[e]), e));

    [Fact]
    public void Filed_as_and_answers_request_are_read_and_left_out_of_the_view()
    {
        var read = Update("""
            "filed_as": [{"regime": "eu-nis2-art23", "stage": "early_warning"}, {"regime": "eu-nis2-art23", "stage": "notification"}],
            "answers_request": 3, "symptoms": "none"
            """, RegimeFixtures.Catalog);
        Assert.True(read.IsValid, string.Join("; ", read.Errors));
        Assert.Equal([new StageFiling("eu-nis2-art23", "early_warning"), new StageFiling("eu-nis2-art23", "notification")], read.FiledAs);
        Assert.Equal(3, read.AnswersRequest);
        var view = IncidentFold.Initial();
        var changes = IncidentFold.Apply(view, read.Fields);
        Assert.Equal(["symptoms"], changes.Select(c => c.Field));
    }

    [Fact]
    public void Unknown_regimes_and_stages_are_named_by_pointer()
    {
        var read = Update("""
            "regimes": ["in-cert-in-2022", "cert-in-2022"],
            "filed_as": [{"regime": "eu-nis2", "stage": "early_warning"}, {"regime": "eu-nis2-art23", "stage": "warning"},
                         {"regime": "eu-nis2-art23"}, {"regime": "eu-nis2-art23", "stage": "final"}, {"regime": "eu-nis2-art23", "stage": "final"}],
            "answers_request": 0
            """, RegimeFixtures.Catalog);
        Assert.Equal(["/filed_as/0/regime", "/filed_as/1/stage", "/filed_as/2/stage", "/filed_as/4", "/answers_request", "/regimes/1"], Pointers(read));
        Assert.Contains("expected one of: early_warning, notification, intermediate, final", read.Errors[1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_cannot_answer_a_request() =>
        Assert.Contains("/answers_request", SubmissionReader.ReadReport(JsonDocument.Parse("""
            {"title": "t", "category": "malicious-code", "description": "d", "detected_at": "2026-11-29T09:00:00Z", "answers_request": 2}
            """).RootElement, Now).Errors.Select(e => e.Pointer));

    [Fact]
    public void A_draft_may_leave_out_required_fields_but_not_break_them()
    {
        Assert.True(SubmissionReader.ReadDraft(JsonDocument.Parse("""{"detected_at": "2026-11-29T09:00:00Z"}""").RootElement, Now).IsValid);
        Assert.Equal(["/title"], SubmissionReader.ReadDraft(JsonDocument.Parse("""{"title": ""}""").RootElement, Now).Errors.Select(e => e.Pointer));
    }

    [Fact]
    public void Filing_as_a_stage_of_a_regime_the_incident_is_not_under_is_inconsistent()
    {
        var view = JsonNode.Parse("""{"regimes": ["in-cert-in-2022"]}""")!.AsObject();
        var submitted = JsonNode.Parse("""{"filed_as": [{"regime": "in-cert-in-2022", "stage": "incident_report"}, {"regime": "eu-gdpr-art33", "stage": "notification"}]}""")!.AsObject();
        var error = Assert.Single(IncidentConsistency.Check(view, submitted));
        Assert.Equal("/filed_as/1/regime", error.Pointer);
    }
}
