using System.Net;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Indicators;
using Vigil.Server.Tests.Infrastructure;
using static Vigil.Server.Tests.Features.Triage.TriagePages;

namespace Vigil.Server.Tests.Features.Triage;

/// <summary>
/// The incident page's staff sections at the HTTP level, in English and Hindi: each form runs the API's own code (what
/// it does is on the record and answered by the API), a bad value is named beside its field with a 4xx and nothing
/// written, and a reporter's page holds neither the remarks nor any staff form.
/// </summary>
public sealed class IncidentStaffPageTests(VigilFactory factory) : IClassFixture<VigilFactory>
{
    private async Task<(Actor Reporter, Actor Analyst, PageReader Pages, string Id)> IncidentAsync(string? report = null)
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var id = await reporter.Client.FileAsync(report ?? Api.Report(extra: "\"regimes\": [\"in-cert-in-2022\"]"));
        return (reporter, analyst, await PageReader.SignInAsync(factory, analyst.Token), id);
    }

    private static async Task<int> SubmissionsAsync(Actor analyst, string id) =>
        (await analyst.Client.GetNodeAsync($"/api/v1/incidents/{id}/history"))["submissions"]!.AsArray().Count;

    [Theory]
    [InlineData("en")]
    [InlineData("hi")]
    public async Task An_analyst_sees_every_staff_section_and_the_compliance_verdict(string language)
    {
        var (_, _, pages, id) = await IncidentAsync();

        var (response, html) = await pages.GetAsync($"/incidents/{id}", language);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var heading in new[] { "AssignmentHeading", "StatusHeading", "AskHeading", "RemarksHeading", "CollectionsHeading" })
        {
            Assert.Contains(Say(language, heading), html, StringComparison.Ordinal);
        }
        foreach (var form in new[] { "assign", "assign-me", "status", "ask", "remark" })
        {
            Assert.Contains($"name=\"_handler\" value=\"{form}\"", html, StringComparison.Ordinal);
        }
        Assert.Contains("class=\"compliance", html, StringComparison.Ordinal);
        Assert.Contains("CERT-In", html, StringComparison.Ordinal);
        // The page catalog reads this page as a reporter: the staff sections' weight and translation are checked here.
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(html) < 100_000, "the staff page is within the pages' budget");
        if (language == "hi")
        {
            var text = System.Text.RegularExpressions.Regex.Replace(html, "<[^>]*>", " ");
            var left = Vigil.Server.Tests.Web.ResourceStrings.UntranslatedCandidates().Where(s => text.Contains(s, StringComparison.Ordinal)).ToList();
            Assert.True(left.Count == 0, "English left untranslated: " + string.Join(" | ", left));
        }
    }

    [Theory]
    [InlineData("en")]
    [InlineData("hi")]
    public async Task Assigning_to_oneself_and_unassigning_are_submissions_the_API_shows(string language)
    {
        var (_, analyst, pages, id) = await IncidentAsync();

        var (assigned, _) = await pages.PostAsync($"/incidents/{id}", "assign-me", [("assignee", analyst.UserId)], language);

        Assert.Equal(HttpStatusCode.Found, assigned.StatusCode);
        Assert.EndsWith($"/incidents/{id}?done=assigned#assignment", assigned.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(analyst.UserId, (await analyst.Client.GetNodeAsync($"/api/v1/incidents/{id}"))["assignee_id"]!.GetValue<string>());
        var (_, html) = await pages.GetAsync($"/incidents/{id}?done=assigned", language);
        Assert.Contains(Say(language, "Done_assigned"), html, StringComparison.Ordinal);
        Assert.Contains($"<strong>{Say(language, "You")}</strong>", html, StringComparison.Ordinal);

        var (unassigned, _) = await pages.PostAsync($"/incidents/{id}", "unassign", [("assignee", "")], language);
        Assert.Equal(HttpStatusCode.Found, unassigned.StatusCode);
        Assert.Null((await analyst.Client.GetNodeAsync($"/api/v1/incidents/{id}"))["assignee_id"]);
        Assert.Equal(3, await SubmissionsAsync(analyst, id));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("hi")]
    public async Task Assigning_to_someone_who_is_not_an_analyst_is_refused_beside_the_field_and_writes_nothing(string language)
    {
        var (reporter, analyst, pages, id) = await IncidentAsync();

        var (response, html) = await pages.PostAsync($"/incidents/{id}", "assign", [("assignee", reporter.UserId), ("reason", "Kept as typed")], language);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Matches("id=\"assign-assignee\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"assign-assignee-error\"", html);
        Assert.Contains("id=\"assign-errors\"", html, StringComparison.Ordinal);
        Assert.Contains(Say(language, "AssignTo"), html, StringComparison.Ordinal);
        Assert.Contains("value=\"Kept as typed\"", html, StringComparison.Ordinal);
        Assert.Equal(1, await SubmissionsAsync(analyst, id));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("hi")]
    public async Task A_status_change_needs_a_reason_and_a_move_the_workflow_allows(string language)
    {
        var (_, analyst, pages, id) = await IncidentAsync();

        var (noReason, noReasonHtml) = await pages.PostAsync($"/incidents/{id}", "status", [("status", "triaged"), ("reason", "")], language);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Matches("id=\"status-reason\"[^>]*aria-invalid=\"true\"", noReasonHtml);
        Assert.Contains(Say(language, "Reason"), noReasonHtml, StringComparison.Ordinal);

        var (notAllowed, notAllowedHtml) = await pages.PostAsync($"/incidents/{id}", "status", [("status", "mitigated"), ("reason", "Skipping ahead")], language);
        Assert.Equal(HttpStatusCode.Conflict, notAllowed.StatusCode);
        Assert.Matches("id=\"status-to\"[^>]*aria-invalid=\"true\"", notAllowedHtml);
        Assert.Equal(1, await SubmissionsAsync(analyst, id));

        var (moved, _) = await pages.PostAsync($"/incidents/{id}", "status", [("status", "triaged"), ("reason", "A real incident; CERT-In's case.")], language);
        Assert.Equal(HttpStatusCode.Found, moved.StatusCode);
        Assert.Equal("triaged", (await analyst.Client.GetNodeAsync($"/api/v1/incidents/{id}"))["status"]!.GetValue<string>());
        var history = await analyst.Client.GetNodeAsync($"/api/v1/incidents/{id}/history");
        Assert.Equal("status", history["submissions"]![1]!["kind"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("en")]
    [InlineData("hi")]
    public async Task A_remark_is_on_the_record_for_staff_and_never_on_the_reporters_page(string language)
    {
        var (reporter, analyst, pages, id) = await IncidentAsync();

        var (empty, emptyHtml) = await pages.PostAsync($"/incidents/{id}", "remark", [("text", "")], language);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Matches("id=\"remark-text\"[^>]*aria-invalid=\"true\"", emptyHtml);
        Assert.Empty((await analyst.Client.GetNodeAsync($"/api/v1/incidents/{id}/remarks")).AsArray());

        var (added, _) = await pages.PostAsync($"/incidents/{id}", "remark", [("text", "Looks like the Pegasus chain again.")], language);
        Assert.Equal(HttpStatusCode.Found, added.StatusCode);
        var remarks = (await analyst.Client.GetNodeAsync($"/api/v1/incidents/{id}/remarks")).AsArray();
        Assert.Equal("Looks like the Pegasus chain again.", Assert.Single(remarks)!["text"]!.GetValue<string>());
        var (_, staffHtml) = await pages.GetAsync($"/incidents/{id}", language);
        Assert.Contains("Looks like the Pegasus chain again.", staffHtml, StringComparison.Ordinal);

        var reporterPages = await PageReader.SignInAsync(factory, reporter.Token);
        var (_, reporterHtml) = await reporterPages.GetAsync($"/incidents/{id}", language);
        Assert.DoesNotContain("Looks like the Pegasus chain again.", reporterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(Say(language, "RemarksHeading"), reporterHtml, StringComparison.Ordinal);
        foreach (var form in new[] { "assign", "assign-me", "status", "ask", "remark", "indicators" })
        {
            Assert.DoesNotContain($"name=\"_handler\" value=\"{form}\"", reporterHtml, StringComparison.Ordinal);
        }
        // A staff form posted from a reporter's session finds no form and writes nothing.
        var (posted, _) = await reporterPages.PostAsync($"/incidents/{id}", "remark", [("text", "From the reporter")], language);
        Assert.True(posted.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.Forbidden, posted.StatusCode.ToString());
        var (status, _) = await reporterPages.PostAsync($"/incidents/{id}", "status", [("status", "closed"), ("reason", "Done")], language);
        Assert.True(status.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.Forbidden, status.StatusCode.ToString());
        Assert.Single((await analyst.Client.GetNodeAsync($"/api/v1/incidents/{id}/remarks")).AsArray());
        Assert.Equal("received", (await analyst.Client.GetNodeAsync($"/api/v1/incidents/{id}"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_administrator_may_add_remarks_but_not_triage()
    {
        var (_, analyst, _, id) = await IncidentAsync();
        var admin = await factory.CreateActorAsync(Roles.Admin);
        var pages = await PageReader.SignInAsync(factory, admin.Token);

        var (_, html) = await pages.GetAsync($"/incidents/{id}");
        var (assign, _) = await pages.PostAsync($"/incidents/{id}", "assign-me", [("assignee", admin.UserId)]);
        var (remark, _) = await pages.PostAsync($"/incidents/{id}", "remark", [("text", "Noted by the administrator.")]);

        Assert.Contains("name=\"_handler\" value=\"remark\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"_handler\" value=\"status\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"_handler\" value=\"ask\"", html, StringComparison.Ordinal);
        Assert.True(assign.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.Forbidden, assign.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.Found, remark.StatusCode);
        Assert.Equal(1, await SubmissionsAsync(analyst, id));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("hi")]
    public async Task A_request_for_information_is_opened_with_its_due_time_in_the_analysts_zone(string language)
    {
        var (_, analyst, pages, id) = await IncidentAsync();

        var (bad, badHtml) = await pages.PostAsync($"/incidents/{id}", "ask",
            [("question", "Which handsets?"), ("due_at", "tomorrow-ish"), ("wanted_fields", "affected_systems")], language);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Matches("id=\"ask-due\"[^>]*aria-invalid=\"true\"", badHtml);
        Assert.Contains(">Which handsets?</textarea>", badHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"ask-field-affected_systems\" name=\"wanted_fields\" value=\"affected_systems\" checked", badHtml, StringComparison.Ordinal);
        Assert.Equal(1, await SubmissionsAsync(analyst, id));

        // The analyst has no zone of its own and no organisation: the installation's default zone, UTC in the tests.
        var (opened, _) = await pages.PostAsync($"/incidents/{id}", "ask",
            [("question", "Which handsets?"), ("due_at", "2026-12-02T12:30"), ("wanted_fields", "affected_systems"), ("wanted_fields", "affected_users")], language);
        Assert.Equal(HttpStatusCode.Found, opened.StatusCode);
        Assert.Contains("?done=request#request-2", opened.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var request = Assert.Single((await analyst.Client.GetNodeAsync($"/api/v1/incidents/{id}/requests"))["requests"]!.AsArray())!;
        Assert.Equal("Which handsets?", request["question"]!.GetValue<string>());
        Assert.Equal(["affected_systems", "affected_users"], request["wanted_fields"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal("open", request["state"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("en")]
    [InlineData("hi")]
    public async Task The_incidents_indicators_are_added_to_a_chosen_collection_and_it_is_listed(string language)
    {
        var (_, analyst, pages, id) = await IncidentAsync(CollectionApi.ReportWithIndicators("AMBER"));
        var collection = await analyst.Client.CreateCollectionAsync("AMBER", "Spyware seen in reports " + language);

        var (none, noneHtml) = await pages.PostAsync($"/incidents/{id}", "indicators", [("collection", "")], language);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
        Assert.Matches("id=\"indicators-collection\"[^>]*aria-invalid=\"true\"", noneHtml);
        Assert.Contains(Say(language, "ChooseCollectionError"), noneHtml, StringComparison.Ordinal);

        var (added, _) = await pages.PostAsync($"/incidents/{id}", "indicators", [("collection", collection)], language);

        Assert.Equal(HttpStatusCode.Found, added.StatusCode);
        var read = await analyst.Client.GetNodeAsync($"{CollectionApi.Root}/{collection}");
        Assert.Contains(read["collection"]!["incident_ids"]!.AsArray(), i => i!.GetValue<string>() == id);
        Assert.True(read["indicators"]!.AsArray().Count > 5);
        var (_, html) = await pages.GetAsync($"/incidents/{id}", language);
        Assert.Contains($"<a href=\"/indicators/{collection}\">Spyware seen in reports {language}</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Indicators_are_not_added_to_a_collection_labelled_wider_than_the_incident()
    {
        var (_, analyst, pages, id) = await IncidentAsync(CollectionApi.ReportWithIndicators("AMBER"));
        var collection = await analyst.Client.CreateCollectionAsync("GREEN", "Community list");

        var (response, html) = await pages.PostAsync($"/incidents/{id}", "indicators", [("collection", collection)]);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Matches("id=\"indicators-collection\"[^>]*aria-invalid=\"true\"", html);
        Assert.Empty((await analyst.Client.GetNodeAsync($"{CollectionApi.Root}/{collection}"))["indicators"]!.AsArray());
    }
}
