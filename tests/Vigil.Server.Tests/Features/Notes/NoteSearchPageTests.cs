using System.Net;
using System.Text.Json.Nodes;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Notes;

public sealed class NoteSearchPageOnSqliteTests(VigilFactory factory) : NoteSearchPageTests<VigilFactory>(factory);

public sealed class NoteSearchPageOnPostgresTests(PostgresVigilFactory factory) : NoteSearchPageTests<PostgresVigilFactory>(factory);

/// <summary>
/// The notes list's search: full text (SQLite FTS5, PostgreSQL tsvector) over what a note says, kept in step with its
/// revisions; filters by severity, product, CVE id and publication date; only notes the reader may read are ever
/// found; and a filter that cannot be read says so beside its field, keeping what was typed, in both languages.
/// </summary>
public abstract class NoteSearchPageTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : VigilFactory, new()
{
    /// <summary>A word no other test's note holds, so that each test finds exactly its own notes.</summary>
    private static string UniqueWord() => "w" + Guid.NewGuid().ToString("N")[..12];

    private async Task<string> PublishAsync(JsonObject note)
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var id = await analyst.Client.CreateNoteAsync(note);
        await analyst.Client.PublishNoteAsync(id);
        return id;
    }

    private Task<PublicPage> SearchAsync(string query, HttpClient? client = null, string language = "en") =>
        PublicPage.GetAsync(client ?? factory.CreateClient(), "/notes?" + query, language);

    [Fact]
    public async Task Words_are_found_in_any_part_of_the_note_by_prefix_and_all_must_match()
    {
        var word = UniqueWord();
        var inTitle = await PublishAsync(NoteSamples.Minimal($"Router {word} injection"));
        var other = NoteSamples.Minimal("Camera firmware flaw");
        other["countermeasures"] = $"Replace the {word} module and reboot.";
        var inCountermeasures = await PublishAsync(other);

        var both = await SearchAsync($"q={word}");
        Assert.Equal(HttpStatusCode.OK, both.Status);
        Assert.Contains("Notes found: 2", both.Main, StringComparison.Ordinal);
        Assert.Contains(inTitle, both.Main, StringComparison.Ordinal);
        Assert.Contains(inCountermeasures, both.Main, StringComparison.Ordinal);

        var prefix = await SearchAsync($"q={word[..8]}");
        Assert.Contains(inTitle, prefix.Main, StringComparison.Ordinal);

        var narrowed = await SearchAsync($"q={word}+reboot");
        Assert.Contains(inCountermeasures, narrowed.Main, StringComparison.Ordinal);
        Assert.DoesNotContain(inTitle, narrowed.Main, StringComparison.Ordinal);

        // What is typed is never query syntax: quotes, stars and operators are only separators.
        var syntax = await SearchAsync($"q=%22{word}%22+OR+*+NEAR(x)+-");
        Assert.Equal(HttpStatusCode.OK, syntax.Status);
    }

    [Fact]
    public async Task A_CVE_id_is_found_as_written_and_the_filters_narrow_by_CVE_product_severity_and_date()
    {
        var word = UniqueWord();
        var cve = $"CVE-2026-{Random.Shared.Next(100_000, 999_999)}";
        var high = NoteSamples.Minimal($"Gateway {word} overflow");
        high["severity"] = "high";
        high["cve_ids"] = new JsonArray(cve);
        high["products"]![0]!["product"] = $"Gateway {word}";
        var highId = await PublishAsync(high);
        var mediumId = await PublishAsync(NoteSamples.Minimal($"Router {word} injection"));

        Assert.Contains(highId, (await SearchAsync($"q={cve}")).Main, StringComparison.Ordinal);
        var byCve = await SearchAsync($"cve={cve.ToLowerInvariant()}");
        Assert.Contains(highId, byCve.Main, StringComparison.Ordinal);
        Assert.DoesNotContain(mediumId, byCve.Main, StringComparison.Ordinal);

        var byProduct = await SearchAsync($"product={word}+gateway");
        Assert.Contains(highId, byProduct.Main, StringComparison.Ordinal);
        Assert.DoesNotContain(mediumId, byProduct.Main, StringComparison.Ordinal);

        var bySeverity = await SearchAsync($"q={word}&severity=medium");
        Assert.Contains(mediumId, bySeverity.Main, StringComparison.Ordinal);
        Assert.DoesNotContain(highId, bySeverity.Main, StringComparison.Ordinal);

        // Both were published on the test clock's day, 30 November 2026 (the days are the reader's, IST).
        var onTheDay = await SearchAsync($"q={word}&from=2026-11-30&to=2026-11-30");
        Assert.Contains("Notes found: 2", onTheDay.Main, StringComparison.Ordinal);
        Assert.Contains("Notes found: 0", (await SearchAsync($"q={word}&from=2026-12-01")).Main, StringComparison.Ordinal);
        Assert.Contains("Notes found: 0", (await SearchAsync($"q={word}&to=2026-11-29")).Main, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Words_in_Devanagari_are_found_whole_and_by_prefix()
    {
        var word = UniqueWord();
        var note = NoteSamples.Minimal($"Router {word} flaw");
        note["summary"] = "राउटर की सुरक्षा में खामी। तुरंत अद्यतन करें।";
        var id = await PublishAsync(note);

        // सुरक्षा holds a virama (a combining mark): the word stays whole in the index, as the search reads it.
        Assert.Contains(id, (await SearchAsync($"q={Uri.EscapeDataString("सुरक्षा")}+{word}")).Main, StringComparison.Ordinal);
        Assert.Contains(id, (await SearchAsync($"q={Uri.EscapeDataString("खामी")}+{word}")).Main, StringComparison.Ordinal);
        Assert.Contains(id, (await SearchAsync($"q={Uri.EscapeDataString("सुरक्")}+{word}")).Main, StringComparison.Ordinal);
        Assert.DoesNotContain(id, (await SearchAsync($"q={Uri.EscapeDataString("क्षा")}+{word}")).Main, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_note_the_reader_may_not_read_is_never_found_and_a_revision_is_searched_as_it_now_reads()
    {
        var word = UniqueWord();
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var amber = await analyst.Client.CreateNoteAsync(NoteSamples.Minimal($"Switch {word} bypass", tlp: "AMBER"));
        await analyst.Client.PublishNoteAsync(amber);
        var draft = await analyst.Client.CreateNoteAsync(NoteSamples.Minimal($"Modem {word} bypass"));
        var clear = await analyst.Client.CreateNoteAsync(NoteSamples.Minimal($"Printer {word} bypass"));
        await analyst.Client.PublishNoteAsync(clear);

        var found = await SearchAsync($"q={word}");
        Assert.Contains("Notes found: 1", found.Main, StringComparison.Ordinal);
        Assert.Contains(clear, found.Main, StringComparison.Ordinal);
        Assert.DoesNotContain(amber, found.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(draft, found.Html, StringComparison.Ordinal);
        Assert.Contains(amber, (await SearchAsync($"q={word}", analyst.Client)).Main, StringComparison.Ordinal);

        var renamed = UniqueWord();
        await analyst.Client.ReviseNoteAsync(clear, NoteSamples.Minimal($"Printer {renamed} bypass"), "Renamed.");
        Assert.Contains(clear, (await SearchAsync($"q={renamed}")).Main, StringComparison.Ordinal);
        Assert.DoesNotContain(clear, (await SearchAsync($"q={word}")).Main, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_filter_values_are_named_beside_their_fields_and_kept_in_both_languages()
    {
        var query = "q=router&severity=urgent&cve=CVE-19-1&from=2026-13-01&product=" + new string('x', 201);

        var english = await SearchAsync(query);
        Assert.Equal(HttpStatusCode.BadRequest, english.Status);
        Assert.Contains("class=\"error-summary\"", english.Main, StringComparison.Ordinal);
        foreach (var (field, message) in new[]
        {
            ("severity", "Choose one of the severities listed."),
            ("cve", "Write a CVE id as CVE-year-number, for example CVE-2019-3568."),
            ("from", "Give a date as year, month and day, for example 2019-05-17."),
            ("product", "Shorten this to 200 characters or fewer."),
        })
        {
            Assert.Contains($"<span class=\"field-error\" id=\"{field}-error\">{message}</span>", english.Main, StringComparison.Ordinal);
            Assert.Matches($"id=\"{field}\"[^>]*aria-describedby=\"[^\"]*{field}-error\"[^>]*aria-invalid=\"true\"", english.Main);
            Assert.Contains($"<a href=\"#{field}\">{message}</a>", english.Main, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("id=\"q-error\"", english.Main, StringComparison.Ordinal);
        Assert.Contains("value=\"router\"", english.Main, StringComparison.Ordinal);
        Assert.Contains("value=\"CVE-19-1\"", english.Main, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-13-01\"", english.Main, StringComparison.Ordinal);
        Assert.DoesNotContain("Notes found", english.Main, StringComparison.Ordinal);

        var backwards = await SearchAsync("from=2026-11-30&to=2026-11-01");
        Assert.Contains("<span class=\"field-error\" id=\"to-error\">This date must not be before the first one.</span>", backwards.Main, StringComparison.Ordinal);

        var hindi = await SearchAsync(query, language: "hi");
        Assert.Equal(HttpStatusCode.BadRequest, hindi.Status);
        Assert.Contains("CVE id को CVE-वर्ष-संख्या के रूप में लिखें", hindi.Main, StringComparison.Ordinal);
        Assert.DoesNotContain("Write a CVE id", hindi.Main, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_pages_through_the_results_keeping_the_search()
    {
        var word = UniqueWord();
        for (var i = 0; i < 21; i++)
        {
            await PublishAsync(NoteSamples.Minimal($"Sensor {word} flaw {i}"));
        }

        var first = await SearchAsync($"q={word}");
        Assert.Contains("Notes found: 21", first.Main, StringComparison.Ordinal);
        Assert.Contains("Page 1 of 2", first.Main, StringComparison.Ordinal);
        Assert.Contains($"href=\"/notes?q={word}&amp;page=2\" rel=\"next\"", first.Main, StringComparison.Ordinal);
        var second = await SearchAsync($"q={word}&page=2");
        Assert.Contains("Page 2 of 2", second.Main, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(second.Main, "class=\"note-summary\""));
    }
}
