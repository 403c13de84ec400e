using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;
using Vigil.Server.Tests.Web;

namespace Vigil.Server.Tests.Features.Incidents;

/// <summary>
/// The incident page at the HTTP level, in English and Hindi: what it shows is what the API answers, and what its
/// forms file goes through the API's own reader and appender (an update, an answer to a request, files).
/// </summary>
public sealed class IncidentPageTests(VigilFactory factory) : IClassFixture<VigilFactory>
{
    private static string Say(string language, string key) =>
        ResourceStrings.Read(RepositoryPaths.File("src", "Vigil.Server", "Features", "Incidents", language == "en" ? "IncidentPageText.resx" : "IncidentPageText.hi.resx"))[key];

    private async Task<(Actor Reporter, Actor Analyst, string Id, int Request)> IncidentWithRequestAsync()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var id = await reporter.Client.FileAsync(Api.Report(extra: "\"regimes\": [\"in-cert-in-2022\"]"));
        var due = (factory.Clock.GetUtcNow() + TimeSpan.FromHours(6)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var opened = await analyst.Client.PostJsonAsync($"/api/v1/incidents/{id}/requests",
            $$"""{"question": "Which handsets were targeted?", "wanted_fields": ["affected_systems"], "due_at": "{{due}}"}""");
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        return (reporter, analyst, id, (await opened.JsonAsync())["request"]!["id"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("en")]
    [InlineData("hi")]
    public async Task The_reporter_reads_its_incident_with_its_request_deadlines_and_every_submission(string language)
    {
        var (reporter, _, id, request) = await IncidentWithRequestAsync();
        var pages = await PageReader.SignInAsync(factory, reporter.Token);

        var (response, html) = await pages.GetAsync($"/incidents/{id}", language);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("VoIP stack exploited to install spyware", html, StringComparison.Ordinal);
        Assert.Contains("Which handsets were targeted?", html, StringComparison.Ordinal);
        Assert.Contains(Say(language, "Requests"), html, StringComparison.Ordinal);
        Assert.Contains(Say(language, "Deadlines"), html, StringComparison.Ordinal);
        Assert.Contains(Say(language, "SendAnswer"), html, StringComparison.Ordinal);
        Assert.Contains(Say(language, "FileUpdate"), html, StringComparison.Ordinal);
        Assert.Contains($"name=\"_handler\" value=\"answer-{request}\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"deadline", html, StringComparison.Ordinal);
        // The report and the request, each with who filed it and when, in the reporter's zone (India's) beside UTC.
        Assert.Contains("id=\"submission-1\"", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"submission-{request}\"", html, StringComparison.Ordinal);
        Assert.Contains("IST", html, StringComparison.Ordinal);
        Assert.Contains("UTC", html, StringComparison.Ordinal);
        Assert.Contains($"lang=\"{language}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_organisation_and_an_unknown_incident_are_the_same_404_and_show_nothing_of_it()
    {
        var (_, _, id, _) = await IncidentWithRequestAsync();
        var stranger = await factory.CreateActorAsync(Roles.Reporter);
        var pages = await PageReader.SignInAsync(factory, stranger.Token);

        var (hidden, hiddenHtml) = await pages.GetAsync($"/incidents/{id}");
        var (missing, missingHtml) = await pages.GetAsync("/incidents/no-such-incident");

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.DoesNotContain("VoIP stack", hiddenHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Which handsets", hiddenHtml, StringComparison.Ordinal);
        Assert.Equal(missingHtml.Replace("no-such-incident", id, StringComparison.Ordinal).Length, hiddenHtml.Length);

        // A form posted to it anyway files nothing (the page renders no form of that name for this reader).
        var (update, _) = await pages.PostAsync($"/incidents/{id}", "update", [("narrative", "Not ours to say.")]);
        Assert.True(update.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, update.StatusCode.ToString());
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        Assert.Equal(2, (await analyst.Client.GetNodeAsync($"/api/v1/incidents/{id}/history"))["submissions"]!.AsArray().Count);
    }

    [Fact]
    public async Task An_update_filed_on_the_page_is_appended_by_the_API_with_times_typed_in_the_readers_zone()
    {
        var (reporter, _, id, _) = await IncidentWithRequestAsync();
        var pages = await PageReader.SignInAsync(factory, reporter.Token);

        var (response, _) = await pages.PostAsync($"/incidents/{id}", "update",
            [("narrative", "Containment is done."), ("symptoms", "Calls dropped, then the handset restarted."), ("occurred_at", "2026-11-29T08:30"),
             ("critical_systems_affected", "no"), ("more", """{"affected_users": {"total": 1400, "as_of": "2026-11-29T10:00:00+05:30"}}""")]);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.EndsWith($"/incidents/{id}?filed=3#submission-3", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var incident = await reporter.Client.GetNodeAsync($"/api/v1/incidents/{id}");
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 3, 0, 0, TimeSpan.Zero), DateTimeOffset.Parse(incident["occurred_at"]!.GetValue<string>(), CultureInfo.InvariantCulture));
        Assert.Equal("Calls dropped, then the handset restarted.", incident["fields"]!["symptoms"]!.GetValue<string>());
        Assert.False(incident["fields"]!["critical_systems_affected"]!.GetValue<bool>());
        Assert.Equal(1400, incident["fields"]!["affected_users"]!["total"]!.GetValue<int>());
        var history = await reporter.Client.GetNodeAsync($"/api/v1/incidents/{id}/history");
        var update = history["submissions"]![2]!;
        Assert.Equal("update", update["kind"]!.GetValue<string>());

        var (shown, html) = await pages.GetAsync($"/incidents/{id}?filed=3");
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains(string.Format(CultureInfo.InvariantCulture, Say("en", "Filed"), 3), html, StringComparison.Ordinal);
        Assert.Contains("Containment is done.", html, StringComparison.Ordinal);
        Assert.Contains("Calls dropped, then the handset restarted.", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("hi")]
    public async Task A_refused_update_keeps_what_was_typed_names_each_problem_beside_its_box_and_files_nothing(string language)
    {
        var (reporter, _, id, _) = await IncidentWithRequestAsync();
        var pages = await PageReader.SignInAsync(factory, reporter.Token);

        var (response, html) = await pages.PostAsync($"/incidents/{id}", "update",
            [("symptoms", "Typed & kept <b>as typed</b>"), ("occurred_at", "yesterday"), ("more", "[1, 2]")], language);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains(Say(language, "NotFiled"), html, StringComparison.Ordinal);
        Assert.Contains("Typed & kept <b>as typed</b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>as typed</b>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("value=\"yesterday\"", html, StringComparison.Ordinal);
        Assert.Matches("<textarea id=\"update-more\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"update-more-hint update-more-error\"", html);
        Assert.Contains(Say(language, "MoreNotAnObject"), html, StringComparison.Ordinal);
        Assert.Matches("<textarea id=\"update-narrative\"[^>]*aria-invalid=\"true\"", html);
        Assert.Equal(2, (await reporter.Client.GetNodeAsync($"/api/v1/incidents/{id}/history"))["submissions"]!.AsArray().Count);

        // Once the JSON box reads, the API's own reader names what is wrong, by field.
        var (again, second) = await pages.PostAsync($"/incidents/{id}", "update",
            [("narrative", "Times."), ("occurred_at", "yesterday"), ("more", """{"affected_users": {"total": -1}}""")], language);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Matches("<input id=\"update-occurred-at\"[^>]*value=\"yesterday\"[^>]*aria-invalid=\"true\"", second);
        Assert.Contains("(/affected_users/", second, StringComparison.Ordinal);
        Assert.Equal(2, (await reporter.Client.GetNodeAsync($"/api/v1/incidents/{id}/history"))["submissions"]!.AsArray().Count);
    }

    [Fact]
    public async Task An_answer_sent_on_the_page_answers_the_request_the_analyst_opened_through_the_API()
    {
        var (reporter, analyst, id, request) = await IncidentWithRequestAsync();
        var pages = await PageReader.SignInAsync(factory, reporter.Token);

        var (response, _) = await pages.PostAsync($"/incidents/{id}", $"answer-{request}",
            [("narrative", "Android handsets on the 2.19 series."), ("more", """{"affected_systems": [{"vendor": "WhatsApp", "product": "WhatsApp for Android", "version": "2.19.100"}]}""")]);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var listed = (await analyst.Client.GetNodeAsync($"/api/v1/incidents/{id}/requests"))["requests"]![0]!;
        Assert.Equal("answered_on_time", listed["state"]!.GetValue<string>());
        Assert.Equal(request + 1, listed["answered_by"]!.GetValue<int>());

        var (_, html) = await pages.GetAsync($"/incidents/{id}");
        Assert.Contains(string.Format(CultureInfo.InvariantCulture, Say("en", "AnsweredBy"), request + 1), html, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"answer-{request}\"", html, StringComparison.Ordinal);
        Assert.Contains("WhatsApp for Android", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_sent_with_an_update_is_listed_and_downloads_for_the_reporter_on_the_record_and_not_for_another_organisation()
    {
        var (reporter, analyst, id, _) = await IncidentWithRequestAsync();
        var pages = await PageReader.SignInAsync(factory, reporter.Token);
        var bytes = Encoding.UTF8.GetBytes("pcap summary: 42 crafted RTCP packets\n");

        var (response, _) = await pages.PostFilesAsync($"/incidents/{id}", "update", [("narrative", "The capture.")], [("files", "capture-summary.txt", bytes)]);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var listed = (await analyst.Client.GetNodeAsync($"/api/v1/incidents/{id}/attachments"))["items"]!.AsArray().Single()!;
        Assert.Equal(sha256, listed["sha256"]!.GetValue<string>());
        Assert.Equal(3, listed["submission"]!.GetValue<int>());

        var (_, html) = await pages.GetAsync($"/incidents/{id}");
        Assert.Contains($"href=\"/incidents/{id}/attachments/{sha256}\"", html, StringComparison.Ordinal);
        Assert.Contains("capture-summary.txt", html, StringComparison.Ordinal);

        var download = new HttpRequestMessage(HttpMethod.Get, $"/incidents/{id}/attachments/{sha256}");
        download.Headers.Add("Cookie", pages.Cookies("en"));
        var file = await pages.Client.SendAsync(download);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(bytes, await file.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition!.DispositionType);

        var stranger = await PageReader.SignInAsync(factory, (await factory.CreateActorAsync(Roles.Reporter)).Token);
        var refused = new HttpRequestMessage(HttpMethod.Get, $"/incidents/{id}/attachments/{sha256}");
        refused.Headers.Add("Cookie", stranger.Cookies("en"));
        var hidden = await stranger.Client.SendAsync(refused);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal("text/html", hidden.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("capture-summary", await hidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A bearer token never opens the pages' download.
        var bearer = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        bearer.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", reporter.Token);
        Assert.NotEqual(HttpStatusCode.OK, (await bearer.GetAsync($"/incidents/{id}/attachments/{sha256}")).StatusCode);
    }

    [Fact]
    public async Task An_analyst_reads_the_page_without_the_reporters_forms_and_the_read_is_on_the_record()
    {
        var (reporter, analyst, id, _) = await IncidentWithRequestAsync();
        var pages = await PageReader.SignInAsync(factory, analyst.Token);

        var (response, html) = await pages.GetAsync($"/incidents/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("name=\"_handler\" value=\"update\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"answer-", html, StringComparison.Ordinal);
        var reads = (await reporter.Client.GetNodeAsync($"/api/v1/incidents/{id}/reads")).AsArray();
        Assert.Contains(reads, r => r!["what"]?.GetValue<string>() == "page" && r["reader_id"]!.GetValue<string>() == analyst.UserId);
    }

    [Fact]
    public async Task The_page_lists_the_latest_reads_only_and_says_how_many_there_are()
    {
        // An incident read many times: the page lists the latest few and the count, the API lists them all.
        var (reporter, analyst, id, _) = await IncidentWithRequestAsync();
        var pages = await PageReader.SignInAsync(factory, analyst.Token);
        for (var i = 0; i < Vigil.Server.Features.Incidents.IncidentPageData.ShownReads + 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync($"/incidents/{id}")).Response.StatusCode);
        }
        var all = (await reporter.Client.GetNodeAsync($"/api/v1/incidents/{id}/reads")).AsArray();
        Assert.True(all.Count > Vigil.Server.Features.Incidents.IncidentPageData.ShownReads, $"{all.Count} reads on the record");

        var owner = await PageReader.SignInAsync(factory, reporter.Token);
        var (_, html) = await owner.GetAsync($"/incidents/{id}");

        var table = html[html.IndexOf("<table class=\"reads\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Equal(Vigil.Server.Features.Incidents.IncidentPageData.ShownReads, System.Text.RegularExpressions.Regex.Matches(table, "<tr>").Count - 1);
        Assert.Contains(all.Count.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en")), html, StringComparison.Ordinal);
        Assert.Contains(all[^1]!["leaf_index"]!.ToString(), table, StringComparison.Ordinal);
    }
}
