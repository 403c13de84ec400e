using System.Net;
using System.Text.RegularExpressions;
using Vigil.Server.Infrastructure.Security;
using Vigil.Server.Tests.Infrastructure;
using static Vigil.Server.Tests.Features.Triage.TriagePages;

namespace Vigil.Server.Tests.Features.Triage;

/// <summary>
/// The triage inbox at the HTTP level, in English and Hindi: every incident the CERT may know of, next deadline first
/// and then the gravest; its filters are a query string whose bad values are named in place; saved filters are the
/// analyst's own and read again when applied; a RED report that does not name the analyst shows its envelope only.
/// </summary>
public sealed partial class TriageInboxPageTests(VigilFactory factory) : IClassFixture<VigilFactory>
{
    /// <summary>The titles of the inbox's rows, in order.</summary>
    private static List<string> Titles(string html) => [.. RowTitle().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<th scope=\"row\">\\s*<a href=\"/incidents/[^\"]+\">([^<]+)</a>")]
    private static partial Regex RowTitle();

    [Theory]
    [InlineData("en")]
    [InlineData("hi")]
    public async Task The_inbox_puts_the_next_deadline_first_then_the_gravest_and_says_the_severity_in_words(string language)
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        // The report meets CERT-In's first stage; the deadlines each then faces are the requests for information asked of it.
        var later = await reporter.Client.FileAsync(Report(factory, "Later deadline", TimeSpan.FromHours(1)));
        var sooner = await reporter.Client.FileAsync(Report(factory, "Sooner deadline", TimeSpan.FromHours(1)));
        var overdue = await reporter.Client.FileAsync(Report(factory, "Long overdue", TimeSpan.FromHours(1)));
        var grave = await reporter.Client.FileAsync(Report(factory, "Later deadline but grave", TimeSpan.FromHours(1), "data-breach",
            "\"critical_systems_affected\": true, \"affected_users\": {\"total\": 250000, \"as_of\": \"2026-11-30T09:00:00Z\"}"));
        var now = factory.Clock.GetUtcNow();
        await AskAsync(analyst, later, now.AddHours(5));
        await AskAsync(analyst, grave, now.AddHours(5));
        await AskAsync(analyst, sooner, now.AddHours(2));
        await AskAsync(analyst, overdue, now.AddMinutes(1));
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var pages = await PageReader.SignInAsync(factory, analyst.Token);

        var (response, html) = await pages.GetAsync($"/triage?organisation={reporter.OrganisationId}", language);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Long overdue", "Sooner deadline", "Later deadline but grave", "Later deadline"], Titles(html));
        Assert.Contains(Say(language, "Severity_Critical"), html, StringComparison.Ordinal);
        Assert.Contains(Say(language, "Severity_Low"), html, StringComparison.Ordinal);
        Assert.Contains("class=\"deadline overdue\"", html, StringComparison.Ordinal);
        Assert.Contains("TLP:AMBER", html, StringComparison.Ordinal);
        Assert.Contains(Say(language, "InboxTitle"), html, StringComparison.Ordinal);
        Assert.Contains($"lang=\"{language}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_filter_narrows_the_inbox()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var other = await factory.CreateActorAsync(Roles.Analyst);
        var scan = await reporter.Client.FileAsync(Report(factory, "Scanning seen", TimeSpan.FromHours(1), "targeted-scanning", "\"tlp\": \"GREEN\""));
        var breach = await reporter.Client.FileAsync(Report(factory, "Customer data taken", TimeSpan.FromHours(30), "data-breach"));
        var mine = await reporter.Client.FileAsync(Report(factory, "Handled by me", TimeSpan.FromHours(2)));
        var theirs = await reporter.Client.FileAsync(Report(factory, "Handled by them", TimeSpan.FromHours(2)));
        await AskAsync(analyst, breach, factory.Clock.GetUtcNow().AddMinutes(1));
        await AskAsync(analyst, mine, factory.Clock.GetUtcNow().AddHours(3));
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True((await analyst.Client.PostJsonAsync($"/api/v1/incidents/{mine}/assignment", $$"""{"assignee_id": "{{analyst.UserId}}"}""")).IsSuccessStatusCode);
        Assert.True((await analyst.Client.PostJsonAsync($"/api/v1/incidents/{theirs}/assignment", $$"""{"assignee_id": "{{other.UserId}}"}""")).IsSuccessStatusCode);
        Assert.True((await analyst.Client.PostJsonAsync($"/api/v1/incidents/{scan}/status", """{"status": "triaged", "reason": "Seen it."}""")).IsSuccessStatusCode);
        var pages = await PageReader.SignInAsync(factory, analyst.Token);
        var organisation = "organisation=" + reporter.OrganisationId;

        async Task<List<string>> Shown(string query)
        {
            var (response, html) = await pages.GetAsync($"/triage?{organisation}&{query}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return Titles(html);
        }

        Assert.Equal(["Scanning seen"], await Shown("status=triaged"));
        Assert.Equal(["Customer data taken"], await Shown("category=data-breach"));
        Assert.Equal(["Scanning seen"], await Shown("tlp=GREEN"));
        Assert.Equal(["Customer data taken"], await Shown("overdue=true"));
        Assert.Equal(["Handled by me"], await Shown("assignee=me"));
        Assert.Equal(["Handled by them"], await Shown("assignee=" + other.UserId));
        Assert.Equal(["Customer data taken", "Scanning seen"], (await Shown("assignee=nobody")).Order().ToList());
        Assert.Equal(4, (await Shown("regime=in-cert-in-2022")).Count);
        Assert.Empty(await Shown("regime=eu-nis2-art23"));
        var stranger = await factory.CreateActorAsync(Roles.Reporter);
        var (_, elsewhere) = await pages.GetAsync($"/triage?organisation={stranger.OrganisationId}");
        Assert.Empty(Titles(elsewhere));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("hi")]
    public async Task Bad_filter_values_are_named_in_place_with_a_400_and_no_list(string language)
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var pages = await PageReader.SignInAsync(factory, analyst.Token);

        var (response, html) = await pages.GetAsync("/triage?status=sleeping&category=gossip&tlp=PINK&assignee=nobody-at-all&organisation=nowhere&regime=moon&overdue=maybe&colour=red", language);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        foreach (var parameter in new[] { "status", "category", "tlp", "assignee", "organisation", "regime", "overdue" })
        {
            Assert.Contains(Say(language, "Bad_" + parameter), html, StringComparison.Ordinal);
            Assert.Matches($"id=\"{parameter}\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"{parameter}-error\"", html);
        }
        Assert.Contains(Say(language, "Bad_parameter"), html, StringComparison.Ordinal);
        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Empty(Titles(html));
    }

    [Fact]
    public async Task A_reporter_and_oversight_are_refused_the_inbox()
    {
        foreach (var role in new[] { Roles.Reporter, Roles.Oversight })
        {
            var actor = await factory.CreateActorAsync(role);
            var pages = await PageReader.SignInAsync(factory, actor.Token);
            var (response, html) = await pages.GetAsync("/triage");
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Redirect, $"{role}: {response.StatusCode}");
            Assert.DoesNotContain(TriagePages.Say("en", "InboxIntro"), html, StringComparison.Ordinal);
        }
        var admin = await factory.CreateActorAsync(Roles.Admin);
        var (allowed, _) = await (await PageReader.SignInAsync(factory, admin.Token)).GetAsync("/triage");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task A_red_report_that_does_not_name_the_analyst_shows_its_envelope_only()
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var id = await reporter.Client.FileAsync(Report(factory, "Secret board matter", TimeSpan.FromHours(1), "data-breach",
            "\"tlp\": \"RED\", \"critical_systems_affected\": true"));
        var pages = await PageReader.SignInAsync(factory, analyst.Token);

        var (response, html) = await pages.GetAsync($"/triage?organisation={reporter.OrganisationId}");
        var (filtered, filteredHtml) = await pages.GetAsync($"/triage?organisation={reporter.OrganisationId}&category=data-breach");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Secret board matter", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<span lang=\"en\">(xi) Data Breach</span>", html, StringComparison.Ordinal);
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, TriagePages.Say("en", "Withheld"), "RED"), html, StringComparison.Ordinal);
        Assert.Contains(id, html, StringComparison.Ordinal);
        Assert.Contains("TLP:RED", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/incidents/{id}\"", html, StringComparison.Ordinal);
        // A content filter cannot be matched by what the analyst may not read: it would tell the category.
        Assert.Equal(HttpStatusCode.OK, filtered.StatusCode);
        Assert.DoesNotContain(id, filteredHtml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("hi")]
    public async Task Saved_filters_are_kept_per_analyst_applied_after_a_fresh_check_and_deleted(string language)
    {
        var reporter = await factory.CreateActorAsync(Roles.Reporter);
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var colleague = await factory.CreateActorAsync(Roles.Analyst);
        var breach = await reporter.Client.FileAsync(Report(factory, "Overdue breach", TimeSpan.FromHours(30), "data-breach"));
        await AskAsync(analyst, breach, factory.Clock.GetUtcNow().AddMinutes(1));
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var pages = await PageReader.SignInAsync(factory, analyst.Token);
        var query = $"organisation={reporter.OrganisationId}&overdue=true";

        var (saved, _) = await pages.PostAsync($"/triage?{query}", "save-filter", [("name", "Overdue here"), ("query", query)], language);

        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        var (listed, html) = await pages.GetAsync("/triage", language);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        var link = Regex.Match(html, "href=\"/triage\\?saved=(\\d+)\">Overdue here</a>");
        Assert.True(link.Success, "the saved filter is listed");
        var (applied, _) = await pages.GetAsync($"/triage?saved={link.Groups[1].Value}", language);
        Assert.Equal(HttpStatusCode.Found, applied.StatusCode);
        Assert.EndsWith($"/triage?{query}", applied.Headers.Location!.OriginalString, StringComparison.Ordinal);
        // It is on the record, as other changes to an account are.
        var events = (await analyst.Client.GetNodeAsync($"/api/v1/events?object_kind=saved-filter&object_id={link.Groups[1].Value}")).AsArray();
        Assert.Contains(events, e => e!["kind"]!.GetValue<string>() == "saved-filter-saved");

        // Another analyst neither sees nor applies it.
        var theirs = await PageReader.SignInAsync(factory, colleague.Token);
        var (_, theirHtml) = await theirs.GetAsync("/triage", language);
        Assert.DoesNotContain("Overdue here", theirHtml, StringComparison.Ordinal);
        var (notTheirs, notTheirsHtml) = await theirs.GetAsync($"/triage?saved={link.Groups[1].Value}", language);
        Assert.Equal(HttpStatusCode.BadRequest, notTheirs.StatusCode);
        Assert.Contains(Say(language, "Bad_saved"), notTheirsHtml, StringComparison.Ordinal);

        var (deleted, _) = await pages.PostAsync("/triage", "delete-filter", [("filter", link.Groups[1].Value)], language);
        Assert.Equal(HttpStatusCode.Found, deleted.StatusCode);
        var (_, after) = await pages.GetAsync("/triage", language);
        Assert.DoesNotContain("Overdue here", after, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("hi")]
    public async Task A_filter_saved_with_a_bad_name_or_query_is_refused_naming_each_and_nothing_is_kept(string language)
    {
        var analyst = await factory.CreateActorAsync(Roles.Analyst);
        var pages = await PageReader.SignInAsync(factory, analyst.Token);

        var (response, html) = await pages.PostAsync("/triage", "save-filter", [("name", "  "), ("query", "status=sleeping")], language);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(Say(language, "Bad_name"), html, StringComparison.Ordinal);
        Assert.Contains(Say(language, "Bad_status"), html, StringComparison.Ordinal);
        Assert.Matches("id=\"filter-name\"[^>]*aria-invalid=\"true\"", html);
        var (_, listed) = await pages.GetAsync("/triage", language);
        Assert.Contains(Say(language, "NoSaved"), listed, StringComparison.Ordinal);
    }
}
