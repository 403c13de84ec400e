using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Data;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Features.Incidents.Pages;
using Vigil.Server.Tests.Features.Notes;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.NoteEditor;

/// <summary>
/// The note editor over HTTP, as a browser without script uses it: a new draft, its edit, the Score button, a refused
/// form (4xx naming the field, nothing written), the preview, publication, revision and withdrawal on the record, who
/// a draft would hit, and a reporter kept out. Both languages.
/// </summary>
public sealed partial class NoteEditorPageTests(VigilFactory factory) : IClassFixture<VigilFactory>
{
    private const string Form = "note-editor";

    private async Task<(HttpClient Client, string Cookies, Actor Analyst)> AnalystAsync(string language = "en")
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var client = ReportPages.Client(factory);
        var session = await ReportPages.SignInAsync(client, analyst.Token);
        return (client, language == "hi" ? $"{session}; {ReportPages.Hindi}" : session, analyst);
    }

    /// <summary>Every field of a whole note for WhatsApp for Android before 2.19.134, as the form names them.</summary>
    private static List<(string, string)> WholeNote(string title, string action = "save") =>
    [
        ("countermeasures", "Upgrade WhatsApp to 2.19.134 or later."),
        ("title", title),
        ("summary", "A buffer overflow in the VoIP stack."),
        ("severity", "critical"),
        ("tlp", "CLEAR"),
        ("description", "A crafted SRTCP packet overflows a buffer."),
        ("product_rows", "1"),
        ("product[0].product", "WhatsApp for Android"),
        ("product[0].vendor", "WhatsApp"),
        ("product[0].affected", "vers:semver/<2.19.134"),
        ("product[0].fixed", "2.19.134"),
        ("cve_ids", "CVE-2019-3568"),
        ("cwe_rows", "2"),
        ("cwe[0]", "CWE-122"),
        ("cvss31", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"),
        ("references", "https://nvd.nist.gov/vuln/detail/CVE-2019-3568 NVD entry"),
        ("action", action),
    ];

    private async Task<int> NotesStoredAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VigilDbContext>().Notes.IgnoreQueryFilters().CountAsync();
    }

    private static string IdFrom(HttpResponseMessage created)
    {
        Assert.True(created.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther, $"answered {(int)created.StatusCode}");
        return EditPath().Match(created.Headers.Location!.OriginalString).Groups[1].Value;
    }

    [Theory]
    [InlineData("en", "The draft is saved.")]
    [InlineData("hi", "मसौदा सहेज लिया गया है।")]
    public async Task A_new_note_is_a_draft_written_by_the_API_s_own_code_and_comes_back_for_editing(string language, string saved)
    {
        var (client, cookies, analyst) = await AnalystAsync(language);
        var created = await PageForms.PostAsync(client, "/notes/new", Form, WholeNote("Draft from the page " + language), cookies);
        var id = IdFrom(created);

        var note = await analyst.Client.GetNodeAsync($"/api/v1/notes/{id}");
        Assert.Equal("draft", note["status"]!.GetValue<string>());
        Assert.Equal("Draft from the page " + language, note["title"]!.GetValue<string>());
        var edit = await ReportPages.GetAsync(client, created.Headers.Location!.OriginalString, cookies);
        Assert.Contains(saved, edit, StringComparison.Ordinal);
        Assert.Contains(">vers:semver/&lt;2.19.134</textarea>", edit, StringComparison.Ordinal);
        Assert.Contains("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", edit, StringComparison.Ordinal);
        // Countermeasures come first, as on the note's public page.
        Assert.True(edit.IndexOf("name=\"countermeasures\"", StringComparison.Ordinal) < edit.IndexOf("name=\"title\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Editing_a_draft_rewrites_it_whole()
    {
        var (client, cookies, analyst) = await AnalystAsync();
        var id = await analyst.Client.CreateNoteAsync(NoteSamples.Minimal("Before the edit"));
        var edited = await PageForms.PostAsync(client, $"/notes/{id}/edit", Form, WholeNote("After the edit"), cookies);
        Assert.True(edited.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther, $"answered {(int)edited.StatusCode}");

        var note = await analyst.Client.GetNodeAsync($"/api/v1/notes/{id}");
        Assert.Equal("After the edit", note["title"]!.GetValue<string>());
        Assert.Equal("WhatsApp for Android", note["note"]!["products"]![0]!["product"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("en", "Score 9.8, critical")]
    [InlineData("hi", "अंक 9.8")]
    public async Task The_Score_button_scores_the_chosen_metrics_and_writes_their_vector(string language, string said)
    {
        var (client, cookies, _) = await AnalystAsync(language);
        var before = await NotesStoredAsync();
        List<(string, string)> fields = [("cvss31.AV", "N"), ("cvss31.AC", "L"), ("cvss31.PR", "N"), ("cvss31.UI", "N"), ("cvss31.S", "U"),
            ("cvss31.C", "H"), ("cvss31.I", "H"), ("cvss31.A", "H"), ("cvss40", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"),
            ("action", "score")];
        var scored = await PageForms.PostAsync(client, "/notes/new", Form, fields, cookies);

        Assert.Equal(HttpStatusCode.OK, scored.StatusCode);
        var html = await scored.Content.ReadAsStringAsync();
        Assert.Contains(said, html, StringComparison.Ordinal);
        Assert.Contains("value=\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\"", html, StringComparison.Ordinal);
        // The vector typed for 4.0 set its metrics: Vulnerable System Confidentiality is High.
        Assert.Matches("name=\"cvss40.VC\"[^>]*>.*?<option value=\"H\" selected", Regex.Replace(html, "\\s+", " "));
        Assert.Contains(language == "en" ? "Score 9.3, critical" : "अंक 9.3", html, StringComparison.Ordinal);
        Assert.Equal(before, await NotesStoredAsync());
    }

    [Theory]
    [InlineData("en", "is not a vers range")]
    [InlineData("hi", "उत्पाद 1: प्रभावित संस्करण (vers श्रेणियाँ)")]
    public async Task A_refused_note_answers_422_with_each_error_beside_its_input_and_writes_nothing(string language, string expected)
    {
        var (client, cookies, _) = await AnalystAsync(language);
        var before = await NotesStoredAsync();
        var fields = WholeNote("Refused note");
        fields.RemoveAll(f => f.Item1 is "product[0].affected" or "cwe[0]" or "cvss31");
        fields.AddRange([("product[0].affected", "semver<2.19.134"), ("cwe[0]", "CWE-99999"), ("cvss31", "CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")]);
        var refused = await PageForms.PostAsync(client, "/notes/new", Form, fields, cookies);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
        foreach (var input in new[] { "f-product-0-affected", "f-cwe-0", "f-cvss31" })
        {
            Assert.Matches($"id=\"{input}\"[^>]*aria-invalid=\"true\"", html);
            Assert.Contains($"href=\"#{input}\"", html, StringComparison.Ordinal);
        }
        Assert.Contains(expected, html, StringComparison.Ordinal);
        // What was typed is kept.
        Assert.Contains("semver&lt;2.19.134", html, StringComparison.Ordinal);
        Assert.Equal(before, await NotesStoredAsync());
    }

    [Fact]
    public async Task Rows_are_added_and_removed_without_script_keeping_what_was_typed()
    {
        var (client, cookies, _) = await AnalystAsync();
        var added = await PageForms.PostAsync(client, "/notes/new", Form, [("product_rows", "1"), ("product[0].product", "First product"), ("action", "add-product")], cookies);
        var html = await added.Content.ReadAsStringAsync();
        Assert.Contains("name=\"product[1].product\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"First product\"", html, StringComparison.Ordinal);

        var removed = await PageForms.PostAsync(client, "/notes/new", Form,
            [("product_rows", "2"), ("product[0].product", "First product"), ("product[1].product", "Second product"), ("action", "remove-product:0")], cookies);
        html = await removed.Content.ReadAsStringAsync();
        Assert.DoesNotContain("First product", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Second product\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"product[1].product\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_CWE_search_lists_matching_ids_and_names()
    {
        var (client, cookies, _) = await AnalystAsync();
        var found = await PageForms.PostAsync(client, "/notes/new", Form, [("cwe_search", "heap-based buffer overflow"), ("action", "cwe-search")], cookies);
        var html = await found.Content.ReadAsStringAsync();
        Assert.Contains("<code>CWE-122</code>", html, StringComparison.Ordinal);
        Assert.Contains("Heap-based Buffer Overflow", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Preview: this is the note as its public page will show it.")]
    [InlineData("hi", "पूर्वावलोकन")]
    public async Task The_preview_is_the_draft_as_the_public_page_shows_it(string language, string banner)
    {
        var (client, cookies, analyst) = await AnalystAsync(language);
        var id = await analyst.Client.CreateNoteAsync(NoteSamples.Cve20193568());
        var preview = await ReportPages.GetAsync(client, $"/notes/{id}/preview", cookies);
        Assert.Contains(banner, preview, StringComparison.Ordinal);
        Assert.Contains("<section class=\"countermeasures\"", preview, StringComparison.Ordinal);
        Assert.Contains("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", preview, StringComparison.Ordinal);
        Assert.Contains("id=\"would-hit\"", preview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publication_revision_and_withdrawal_from_the_pages_are_revisions_on_the_record()
    {
        var (client, cookies, analyst) = await AnalystAsync();
        var id = IdFrom(await PageForms.PostAsync(client, "/notes/new", Form, WholeNote("Recorded from the pages"), cookies));

        var published = await PageForms.PostAsync(client, $"/notes/{id}/publish", "note-publish", [("summary", "First release from the page.")], cookies);
        Assert.True(published.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther, $"publish answered {(int)published.StatusCode}");

        // A revision without saying what changed is refused beside that input, and nothing is recorded.
        var unsaid = await PageForms.PostAsync(client, $"/notes/{id}/edit", Form, WholeNote("Recorded from the pages, revised"), cookies);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unsaid.StatusCode);
        Assert.Matches("id=\"f-revision-summary\"[^>]*aria-invalid=\"true\"", await unsaid.Content.ReadAsStringAsync());

        var revised = await PageForms.PostAsync(client, $"/notes/{id}/edit", Form,
            [.. WholeNote("Recorded from the pages, revised"), ("revision.summary", "Fixed version confirmed."), ("revision.significance", "minor")], cookies);
        Assert.True(revised.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther, $"revise answered {(int)revised.StatusCode}");

        var refusedWithdrawal = await PageForms.PostAsync(client, $"/notes/{id}/withdraw", "note-withdraw", [("reason", "")], cookies);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refusedWithdrawal.StatusCode);
        var withdrawn = await PageForms.PostAsync(client, $"/notes/{id}/withdraw", "note-withdraw", [("reason", "Duplicate of another note.")], cookies);
        Assert.True(withdrawn.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther, $"withdraw answered {(int)withdrawn.StatusCode}");

        var history = (await analyst.Client.GetNodeAsync($"/api/v1/notes/{id}/history"))["revisions"]!.AsArray();
        Assert.Equal(["note-publication", "note-revision", "note-withdrawal"], history.Select(r => r!["kind"]!.GetValue<string>()));
        Assert.Equal(["1.0.0", "1.1.0", "2.0.0"], history.Select(r => r!["version"]!.GetValue<string>()));
        Assert.Equal("First release from the page.", history[0]!["summary"]!.GetValue<string>());
        Assert.Equal("Fixed version confirmed.", history[1]!["summary"]!.GetValue<string>());
        Assert.All(history, r => Assert.NotNull(r!["leaf_index"]));
        Assert.Equal("withdrawn", (await analyst.Client.GetNodeAsync($"/api/v1/notes/{id}"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Who_would_be_hit_names_the_organisation_running_an_affected_version_and_not_one_running_a_fixed_one()
    {
        var exposed = await factory.CreateActorAsync(Roles.Reporter);
        var safe = await factory.CreateActorAsync(Roles.Reporter);
        foreach (var (reporter, version) in new[] { (exposed, "2.19.100"), (safe, "2.19.200") })
        {
            var put = await reporter.Client.PutAsync($"/api/v1/organisations/{reporter.OrganisationId}/inventory", NoteApi.Json(new JsonObject
            {
                ["products"] = new JsonArray(new JsonObject { ["vendor"] = "WhatsApp", ["product"] = "WhatsApp for Android", ["version"] = version }),
            }));
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }
        var (client, cookies, _) = await AnalystAsync();
        var id = IdFrom(await PageForms.PostAsync(client, "/notes/new", Form, WholeNote("Who would this hit"), cookies));

        foreach (var path in new[] { $"/notes/{id}/edit", $"/notes/{id}/preview", $"/notes/{id}/publish" })
        {
            var html = await ReportPages.GetAsync(client, path, cookies);
            var section = Regex.Match(html, "<section class=\"would-hit\".*?</section>", RegexOptions.Singleline).Value;
            Assert.Contains("Org " + exposed.OrganisationId, section, StringComparison.Ordinal);
            Assert.Contains("2.19.100", section, StringComparison.Ordinal);
            Assert.DoesNotContain("Org " + safe.OrganisationId, section, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_reporter_s_session_is_refused_every_editor_page_and_form()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var (_, _, analyst) = await AnalystAsync();
        var id = await analyst.Client.CreateNoteAsync(NoteSamples.Minimal("Not for reporters"));
        var client = ReportPages.Client(factory);
        var session = await ReportPages.SignInAsync(client, reporter.Token);
        foreach (var path in new[] { "/notes/new", "/notes/drafts", $"/notes/{id}/edit", $"/notes/{id}/preview", $"/notes/{id}/publish", $"/notes/{id}/withdraw" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Cookie", session);
            var response = await client.SendAsync(request);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
            Assert.DoesNotContain("Not for reporters", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var before = await NotesStoredAsync();
        var posted = await PageForms.PostAsync(client, "/notes/new", Form, WholeNote("Written by a reporter"), session);
        Assert.False(posted.IsSuccessStatusCode || posted.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther, $"answered {(int)posted.StatusCode}");
        Assert.Equal(before, await NotesStoredAsync());
    }

    [Fact]
    public async Task The_drafts_list_links_each_draft_and_the_notes_list_offers_the_editor_to_analysts_only()
    {
        var (client, cookies, analyst) = await AnalystAsync();
        var id = await analyst.Client.CreateNoteAsync(NoteSamples.Minimal("Listed draft"));
        var drafts = await ReportPages.GetAsync(client, "/notes/drafts", cookies);
        Assert.Contains($"href=\"/notes/{id}/edit\"", drafts, StringComparison.Ordinal);
        Assert.Contains("href=\"/notes/new\"", await ReportPages.GetAsync(client, "/notes", cookies), StringComparison.Ordinal);
        var anonymous = await client.GetAsync("/notes");
        Assert.DoesNotContain("href=\"/notes/new\"", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex("/notes/([^/]+)/edit")]
    private static partial Regex EditPath();
}
