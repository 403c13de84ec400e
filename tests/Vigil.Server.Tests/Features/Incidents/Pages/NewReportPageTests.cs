using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Incidents.Pages;

public sealed class NewReportPageOnSqliteTests(VigilFactory factory) : NewReportPageTests<VigilFactory>(factory);

public sealed class NewReportPageOnPostgresTests(PostgresVigilFactory factory) : NewReportPageTests<PostgresVigilFactory>(factory);

/// <summary>
/// The new report page over HTTP, as a browser without script uses it: it files through the API's reader and
/// appender, names each bad field beside its input in the reader's language, and previews deadlines as the API does.
/// </summary>
public abstract class NewReportPageTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    private static readonly (string, string)[] Minimal =
    [
        ("title", "VoIP stack exploited to install spyware"), ("category", "malicious-code"),
        ("description", "Crafted RTCP packets in calls led to remote code execution."), ("zone", "Asia/Kolkata"),
        ("detected_at", "2026-11-30T09:00"), ("regimes", "in-cert-in-2022"), ("tlp", "AMBER"),
    ];

    [Fact]
    public async Task A_report_with_a_field_marked_unknown_is_filed_and_on_the_record_as_declared_unknown()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        using var client = ReportPages.Client(factory);
        var session = await ReportPages.SignInAsync(client, reporter.Token);

        var filed = await ReportPages.PostAsync(client, session, "file",
            [.. Minimal, ("occurred_at.declared_unknown", "true"), ("occurred_at.unknown", "investigation ongoing"),
             ("affected_systems[1].vendor", "WhatsApp"), ("affected_systems[1].product", "WhatsApp for Android"), ("affected_systems[1].version", "2.19.100")]);

        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        var location = filed.Headers.Location!.AbsolutePath;
        Assert.Matches("^/incidents/[0-9a-f-]+/receipts/1$", location);
        var id = location.Split('/')[2];
        var incident = await reporter.Client.GetNodeAsync($"/api/v1/incidents/{id}");
        Assert.Equal("investigation ongoing", incident["fields"]!["occurred_at"]!["unknown"]!.GetValue<string>());
        Assert.Equal("investigation ongoing", incident["declared_unknown"]!["occurred_at"]!.GetValue<string>());
        Assert.Equal("2026-11-30T09:00:00+05:30", incident["fields"]!["detected_at"]!.GetValue<string>());
        Assert.Equal("WhatsApp for Android", incident["fields"]!["affected_systems"]![0]!["product"]!.GetValue<string>());
        var history = await reporter.Client.GetNodeAsync($"/api/v1/incidents/{id}/history");
        var content = history["submissions"]![0]!["content"]!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"unknown": "investigation ongoing"}"""), content["occurred_at"]), content.ToJsonString());
        Assert.Equal(["in-cert-in-2022"], content["regimes"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task Validation_errors_are_named_beside_their_fields_and_summarised_in_English_and_in_Hindi_keeping_what_was_typed()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        using var client = ReportPages.Client(factory);
        var session = await ReportPages.SignInAsync(client, reporter.Token);
        (string, string)[] fields =
        [
            .. Minimal.Where(f => f.Item1 != "title"), ("point_of_contact.name", "S. Rao"), ("point_of_contact.email", "not an address"),
            ("affected_users.by_country[1].country", "XX"), ("affected_users.by_country[1].count", "121"),
            ("symptoms.declared_unknown", "true"), ("symptoms.unknown", ""),
        ];

        foreach (var (cookies, required, empty, titleLabel, country, email) in new[]
        {
            (session, "is required", "must not be empty", "Title", "is not an ISO 3166-1 alpha-2 country code", "is not an e-mail address"),
            ($"{session}; {ReportPages.Hindi}", "आवश्यक है", "खाली नहीं हो सकता", "शीर्षक", "ISO 3166-1 alpha-2 देश कोड नहीं है", "ई-मेल पता नहीं है"),
        })
        {
            var response = await ReportPages.PostAsync(client, cookies, "file", fields);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains($"<span class=\"field-error\" id=\"f-title-error\"><span>{required}</span>", html, StringComparison.Ordinal);
            Assert.Matches("<input id=\"f-title\" name=\"title\" type=\"text\" value=\"\"[^>]*aria-invalid=\"true\" aria-describedby=\"f-title-error\"", html);
            // The reader's pointer /affected_users/by_country/0/country is the form's second row: the first was left empty.
            // The reader's sentences in the page's language, the value quoted as typed.
            Assert.Contains($"id=\"f-affected_users-by_country-1-country-error\"><span>&#x27;XX&#x27; {country}</span>", html, StringComparison.Ordinal);
            Assert.Contains($"id=\"f-point_of_contact-email-error\"><span>&#x27;not an address&#x27; {email}</span>", html, StringComparison.Ordinal);
            Assert.Contains($"id=\"f-symptoms-unknown-error\"><span>{empty}</span>", html, StringComparison.Ordinal);
            Assert.Contains($"<a href=\"#f-title\">{titleLabel}</a>", html, StringComparison.Ordinal);
            Assert.Contains("<a href=\"#f-point_of_contact-email\">", html, StringComparison.Ordinal);
            Assert.Contains("class=\"error-summary\" id=\"errors\" role=\"alert\" tabindex=\"-1\" autofocus", html, StringComparison.Ordinal);
            // What was typed is kept.
            Assert.Contains("value=\"not an address\"", html, StringComparison.Ordinal);
            Assert.Contains("value=\"S. Rao\"", html, StringComparison.Ordinal);
            Assert.Contains("<textarea id=\"f-description\" name=\"description\">Crafted RTCP packets in calls led to remote code execution.</textarea>", html, StringComparison.Ordinal);
            Assert.Contains("id=\"f-symptoms-declared_unknown\" name=\"symptoms.declared_unknown\" value=\"true\" checked", html, StringComparison.Ordinal);
        }
        var list = await reporter.Client.GetNodeAsync("/api/v1/incidents");
        Assert.Empty(list["items"]!.AsArray());
    }

    [Fact]
    public async Task Without_script_the_check_button_shows_the_deadlines_and_they_move_with_detected_at()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        using var client = ReportPages.Client(factory);
        var session = await ReportPages.SignInAsync(client, reporter.Token);

        var first = await (await ReportPages.PostAsync(client, session, "check", Minimal)).Content.ReadAsStringAsync();
        var later = await (await ReportPages.PostAsync(client, session, "check",
            [.. Minimal.Where(f => f.Item1 != "detected_at"), ("detected_at", "2026-11-30T11:15")])).Content.ReadAsStringAsync();

        // CERT-In: six hours after the organisation noticed.
        Assert.Equal("2026-11-30T09:30:00Z", ReportPages.DueOf(first, "in-cert-in-2022", "incident_report"));
        Assert.Equal("2026-11-30T11:45:00Z", ReportPages.DueOf(later, "in-cert-in-2022", "incident_report"));
        Assert.Contains("Affected users", first, StringComparison.Ordinal);
        var list = await reporter.Client.GetNodeAsync("/api/v1/incidents");
        Assert.Empty(list["items"]!.AsArray());
    }

    [Fact]
    public async Task The_script_endpoint_answers_the_same_preview_and_refuses_a_post_without_the_antiforgery_token()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        using var client = ReportPages.Client(factory);
        var session = await ReportPages.SignInAsync(client, reporter.Token);

        var first = await ReportPages.ScriptPreviewAsync(client, session, Minimal);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var later = await ReportPages.ScriptPreviewAsync(client, session, [.. Minimal.Where(f => f.Item1 != "detected_at"), ("detected_at", "2026-11-30T11:15")]);
        var html = await first.Content.ReadAsStringAsync();
        Assert.StartsWith("<section id=\"preview\"", html.TrimStart(), StringComparison.Ordinal);
        Assert.Equal("2026-11-30T09:30:00Z", ReportPages.DueOf(html, "in-cert-in-2022", "incident_report"));
        Assert.Equal("2026-11-30T11:45:00Z", ReportPages.DueOf(await later.Content.ReadAsStringAsync(), "in-cert-in-2022", "incident_report"));

        // The same as the API's preview of the same draft.
        var api = await (await reporter.Client.PostJsonAsync("/api/v1/incidents/preview",
            """{"detected_at": "2026-11-30T11:15:00+05:30", "regimes": ["in-cert-in-2022"]}""")).JsonAsync();
        Assert.Equal("2026-11-30T11:45:00+00:00", api["regimes"]![0]!["stages"]![0]!["due_utc"]!.GetValue<string>());

        var forged = new HttpRequestMessage(HttpMethod.Post, "/incidents/new/preview") { Content = new FormUrlEncodedContent([new("detected_at", "2026-11-30T09:00")]) };
        forged.Headers.Add("Cookie", session);
        var refused = await client.SendAsync(forged);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        // Answered as any refused form is: a page in the reader's language, not the preview.
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("preview-regime", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_field_keeps_the_preview_from_being_worked_out_and_says_which()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        using var client = ReportPages.Client(factory);
        var session = await ReportPages.SignInAsync(client, reporter.Token);

        var html = await (await ReportPages.ScriptPreviewAsync(client, session, [.. Minimal, ("indicators[0].type", "domain"), ("indicators[0].value", "not a domain!")]))
            .Content.ReadAsStringAsync();

        Assert.Contains("Indicators, row 1, Value", html, StringComparison.Ordinal);
        Assert.DoesNotContain("preview-regime", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_more_posts_back_with_more_rows_and_everything_typed()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        using var client = ReportPages.Client(factory);
        var session = await ReportPages.SignInAsync(client, reporter.Token);

        var html = await (await ReportPages.PostAsync(client, session, "add:indicators",
            [.. Minimal, ("rows.indicators", "3"), ("indicators[2].value", "example.org")])).Content.ReadAsStringAsync();

        Assert.Contains("name=\"rows.indicators\" value=\"5\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"f-indicators-4-value\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"indicators[2].value\" type=\"text\" value=\"example.org\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"VoIP stack exploited to install spyware\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("error-summary", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_uploaded_through_the_page_is_ticked_and_attached_to_the_report()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        using var client = ReportPages.Client(factory);
        var session = await ReportPages.SignInAsync(client, reporter.Token);
        var (antiforgery, token) = await ReportPages.AntiforgeryAsync(client, session);
        var file = new ByteArrayContent("rtcp capture\n"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        var upload = new HttpRequestMessage(HttpMethod.Post, "/incidents/new/attachments")
        {
            Content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { file, "file", "rtcp-capture.txt" } },
        };
        upload.Headers.Add("Cookie", $"{antiforgery}; {session}");

        var uploaded = await client.SendAsync(upload);

        Assert.Equal(HttpStatusCode.SeeOther, uploaded.StatusCode);
        var sha256 = uploaded.Headers.Location!.OriginalString.Split("uploaded=")[1];
        var form = await ReportPages.GetAsync(client, uploaded.Headers.Location!.OriginalString, session);
        Assert.Contains($"name=\"attachments\" value=\"{sha256}\" checked", form, StringComparison.Ordinal);
        Assert.Contains("rtcp-capture.txt", form, StringComparison.Ordinal);
        var filed = await ReportPages.PostAsync(client, session, "file", [.. Minimal, ("attachments", sha256)]);
        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        var id = filed.Headers.Location!.AbsolutePath.Split('/')[2];
        var files = await reporter.Client.GetNodeAsync($"/api/v1/incidents/{id}/attachments");
        Assert.Equal("rtcp-capture.txt", files["items"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(sha256, files["items"]![0]!["sha256"]!.GetValue<string>());
    }
}
