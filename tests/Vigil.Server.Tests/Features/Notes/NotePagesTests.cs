using System.Net;
using System.Xml.Linq;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;
using Vigil.Server.Tests.Web;

namespace Vigil.Server.Tests.Features.Notes;

public sealed class NotePagesOnSqliteTests(VigilFactory factory) : NotePagesTests<VigilFactory>(factory);

public sealed class NotePagesOnPostgresTests(PostgresVigilFactory factory) : NotePagesTests<PostgresVigilFactory>(factory);

/// <summary>
/// The note page for people: what to do first, the affected products and versions, the CVSS vector explained metric by
/// metric, the history as the reader may see it with each revision's own label and its log entry, the downloads;
/// sanitised Markdown; a note the reader may not read is the same 404 as one that does not exist; and the Atom feed.
/// </summary>
public abstract class NotePagesTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    [Fact]
    public async Task Markdown_is_rendered_and_anything_that_could_run_is_removed()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var note = NoteSamples.Minimal("Markdown note");
        note["description"] = "Use **care**.\n\n<script>alert('x')</script>\n\n[click](javascript:alert(1)) <img src=x onerror=alert(1)>\n\n"
            + "| a | b |\n|:--|--:|\n| left | right |";
        var id = await analyst.Client.CreateNoteAsync(note);
        await analyst.Client.PublishNoteAsync(id);

        var page = await PublicPage.GetAsync(factory.CreateClient(), $"/notes/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<strong>care</strong>", page.Main, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", page.Html, StringComparison.OrdinalIgnoreCase);
        // Raw HTML in Markdown is shown as text, never as an element.
        Assert.DoesNotContain("<img", page.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", page.Main, StringComparison.Ordinal);
        // A table's column alignment would be an inline style, which the pages' policy forbids: it is dropped.
        Assert.Contains("<td>right</td>", page.Main, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", page.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task What_to_do_comes_first_then_the_products_and_the_score_explained_metric_by_metric()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var id = await analyst.Client.CreateNoteAsync(NoteSamples.Cve20193568());
        await analyst.Client.PublishNoteAsync(id);

        var page = await PublicPage.GetAsync(factory.CreateClient(), $"/notes/{id}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var todo = page.IndexOf("<section class=\"countermeasures\"");
        Assert.True(todo > 0, "the countermeasures section is there");
        Assert.True(todo < page.IndexOf("Upgrade WhatsApp to the latest version"));
        foreach (var later in new[] { "Affected products", "Summary", "Description", "Severity score (CVSS)", "Revision history", "Downloads" })
        {
            Assert.True(page.IndexOf(later) > todo, $"\"{later}\" comes after what to do");
        }
        Assert.Contains("WhatsApp for Android", page.Main, StringComparison.Ordinal);
        Assert.Contains("vers:semver/&lt;2.19.134", page.Main, StringComparison.Ordinal);
        Assert.Contains("2.19.134", page.Main, StringComparison.Ordinal);
        Assert.Contains("CVSS 3.1: 9.8, critical", page.Main, StringComparison.Ordinal);
        Assert.Contains("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", page.Main, StringComparison.Ordinal);
        // Each metric of the vector: its name, its value as written, and what that value means.
        Assert.Matches("Attack Vector <span class=\"meta\">\\(AV\\)</span></th>\\s*<td><code>N</code></td>\\s*<td>Network:", page.Main);
        Assert.Matches("Privileges Required <span class=\"meta\">\\(PR\\)</span></th>\\s*<td><code>N</code></td>", page.Main);
        Assert.Matches("Scope <span class=\"meta\">\\(S\\)</span></th>\\s*<td><code>U</code></td>", page.Main);
        Assert.Matches("Availability <span class=\"meta\">\\(A\\)</span></th>\\s*<td><code>H</code></td>", page.Main);
        Assert.Contains("CVE-2019-3568", page.Main, StringComparison.Ordinal);
        Assert.Contains("https://cwe.mitre.org/data/definitions/122.html", page.Main, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_history_keeps_each_revision_s_label_and_links_its_log_entry_and_the_downloads_are_the_export_endpoints()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var id = await analyst.Client.CreateNoteAsync(NoteSamples.Cve20193568());
        var published = await analyst.Client.PublishNoteAsync(id, "First release.");
        var revised = await analyst.Client.ReviseNoteAsync(id, NoteSamples.Cve20193568(), "Fixed versions confirmed.");
        var csaf = new Uri((await analyst.Client.GetNodeAsync($"/api/v1/notes/{id}"))["links"]!["csaf"]!.GetValue<string>()).AbsolutePath;

        var page = await PublicPage.GetAsync(factory.CreateClient(), $"/notes/{id}");

        foreach (var (receipt, summary) in new[] { (published, "First release."), (revised, "Fixed versions confirmed.") })
        {
            var leaf = receipt["receipt"]!["leaf_index"]!.GetValue<long>();
            Assert.Matches($"<td><span class=\"tlp\">TLP:CLEAR</span></td>\\s*<td>{summary}</td>\\s*<td><a href=\"/log/entries/{leaf}\">entry {leaf}</a>", page.Main);
        }
        Assert.Contains($"href=\"{csaf}\"", page.Main, StringComparison.Ordinal);
        Assert.Contains($"href=\"/api/v1/notes/{id}\"", page.Main, StringComparison.Ordinal);
        Assert.Contains($"href=\"/api/v1/notes/{id}/osv\"", page.Main, StringComparison.Ordinal);
        // Each link is the endpoint that serves that form to the public.
        var anonymous = factory.CreateClient();
        foreach (var path in new[] { csaf, $"/api/v1/notes/{id}", $"/api/v1/notes/{id}/osv" })
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(path)).StatusCode);
        }
        // Without a CNA identity the CERT does not publish CVE records, so there is no CVE 5 download.
        Assert.DoesNotContain("/cve5", page.Main, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_note_the_reader_may_not_read_is_the_same_404_as_one_that_does_not_exist_in_both_languages()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var amber = await analyst.Client.CreateNoteAsync(NoteSamples.Minimal("An AMBER router note", tlp: "AMBER"));
        await analyst.Client.PublishNoteAsync(amber);
        var draft = await analyst.Client.CreateNoteAsync(NoteSamples.Minimal("A draft router note"));
        var anonymous = factory.CreateClient();

        foreach (var (language, message) in new[] { ("en", "There is nothing here that you may see."), ("hi", "यहाँ ऐसा कुछ नहीं है जिसे आप देख सकें।") })
        {
            var missing = await PublicPage.GetAsync(anonymous, "/notes/VIGIL-2026-99999", language);
            Assert.Equal(HttpStatusCode.NotFound, missing.Status);
            Assert.Contains(message, missing.Main, StringComparison.Ordinal);
            foreach (var hidden in new[] { amber, draft })
            {
                var page = await PublicPage.GetAsync(anonymous, $"/notes/{hidden}", language);
                Assert.Equal(HttpStatusCode.NotFound, page.Status);
                Assert.Equal(missing.Main, page.Main);
            }
        }
        Assert.Contains("An AMBER router note", (await PublicPage.GetAsync(analyst.Client, $"/notes/{amber}")).Main, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_reads_in_Hindi_with_the_note_s_own_words_as_written()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var note = NoteSamples.Cve20193568();
        // Every CVSS v4.0 base metric too, so that each metric's name and meaning is read in Hindi.
        note["cvss"]!.AsArray().Add("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N");
        var id = await analyst.Client.CreateNoteAsync(note);
        await analyst.Client.PublishNoteAsync(id);

        var page = await PublicPage.GetAsync(factory.CreateClient(), $"/notes/{id}", "hi");
        var text = PageRulesTests.VisibleText(page.Main);
        var untranslated = ResourceStrings.UntranslatedCandidates().Where(english => text.Contains(english, StringComparison.Ordinal)).ToList();
        Assert.True(untranslated.Count == 0, string.Join("\n", untranslated));
        Assert.Contains("CVSS 4.0", page.Main, StringComparison.Ordinal);

        Assert.Contains("<html lang=\"hi\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("क्या करें", page.Main, StringComparison.Ordinal);
        Assert.Contains("संशोधन इतिहास", page.Main, StringComparison.Ordinal);
        Assert.Contains("Upgrade WhatsApp to the latest version", page.Main, StringComparison.Ordinal);
        Assert.DoesNotContain("What to do", page.Main, StringComparison.Ordinal);
        Assert.DoesNotContain("Revision history", page.Main, StringComparison.Ordinal);
        Assert.Contains("IST", page.Main, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_withdrawn_note_says_so_first_with_its_reason()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var id = await analyst.Client.CreateNoteAsync(NoteSamples.Minimal("A note published in error"));
        await analyst.Client.PublishNoteAsync(id);
        await analyst.Client.WithdrawNoteAsync(id, "Duplicate of an earlier note.");

        var page = await PublicPage.GetAsync(factory.CreateClient(), $"/notes/{id}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var withdrawn = page.IndexOf("This note is withdrawn.");
        Assert.True(withdrawn > 0 && withdrawn < page.IndexOf("What to do"));
        Assert.Contains("Duplicate of an earlier note.", page.Main, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_and_the_Atom_feed_show_public_notes_and_nothing_else()
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var clear = await analyst.Client.CreateNoteAsync(NoteSamples.Minimal("Public note"));
        await analyst.Client.PublishNoteAsync(clear);
        var amber = await analyst.Client.CreateNoteAsync(NoteSamples.Minimal("Amber note", tlp: "AMBER"));
        await analyst.Client.PublishNoteAsync(amber);
        var draft = await analyst.Client.CreateNoteAsync(NoteSamples.Minimal("Draft note"));
        var anonymous = factory.CreateClient();

        var list = await anonymous.GetStringAsync("/notes");
        Assert.Contains(clear, list, StringComparison.Ordinal);
        Assert.DoesNotContain(amber, list, StringComparison.Ordinal);
        Assert.DoesNotContain(draft, list, StringComparison.Ordinal);

        var response = await anonymous.GetAsync("/notes/feed.atom");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var titles = feed.Root!.Elements(atom + "entry").Select(e => e.Element(atom + "title")!.Value).ToList();
        Assert.Contains($"{clear}: Public note", titles);
        Assert.DoesNotContain(titles, t => t.StartsWith(amber, StringComparison.Ordinal) || t.StartsWith(draft, StringComparison.Ordinal));
    }
}
